package io.homeshield.routers.openwrt;

import io.homeshield.enforcement.RouterControlException;

/**
 * The router no longer knows the session a change was being staged in (it expired, or rpcd restarted),
 * so whatever was staged there is gone and the change must be staged again in a new session.
 */
final class SessionLost extends RouterControlException {

    private static final long serialVersionUID = 1L;

    /** The call that found the session gone, e.g. "uci apply". */
    private final String call;

    SessionLost(String call) {
        super("The router ended HomeShield's session before the change was applied; HomeShield will try again.", true);
        this.call = call;
    }

    String call() {
        return call;
    }
}
