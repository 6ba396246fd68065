package io.homeshield.routers.openwrt;

/** One router's own rpcd account: the user name and password HomeShield signs in with over ubus. */
public record RpcdLogin(String username, String password) {

    @Override
    public String toString() {
        return "RpcdLogin[username=" + username + "]";
    }
}
