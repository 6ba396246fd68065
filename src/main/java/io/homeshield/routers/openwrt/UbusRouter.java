package io.homeshield.routers.openwrt;

import java.net.URI;

/** One router as the adapter reaches it: its ubus URL and its own rpcd login. */
record UbusRouter(URI url, RpcdLogin login) {

    /** Sessions belong to a login on a router; a new login for the same router starts afresh. */
    String sessionKey() {
        return url + " " + login.username() + " " + Integer.toHexString(login.password().hashCode());
    }

    @Override
    public String toString() {
        return url.getHost();
    }
}
