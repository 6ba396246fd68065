package io.homeshield.routers.openwrt;

import io.homeshield.enforcement.RouterControlException;

/** ubus status codes (libubus {@code enum ubus_msg_status}) and what each means for the subscriber. */
final class UbusStatus {

    static final int OK = 0;
    static final int NOT_FOUND = 4;
    static final int NO_DATA = 5;
    static final int PERMISSION_DENIED = 6;
    static final int UNKNOWN_ERROR = 9;

    private static final String[] NAMES = { "ok", "invalid command", "invalid argument", "method not found",
        "not found", "no data", "permission denied", "timeout", "not supported", "unknown error",
        "connection failed", "out of memory", "parse error", "system error" };

    private UbusStatus() {
    }

    /**
     * The failure for a non-zero status of a call about {@code settings} (e.g. "firewall settings").
     * {@code 6} on a uci call is rpcd's ACL refusing the account access to that configuration.
     */
    static RouterControlException failure(int status, String settings) {
        String name = status >= 0 && status < NAMES.length ? NAMES[status] : "status " + status;
        return switch (status) {
            case PERMISSION_DENIED -> new RouterControlException("The router does not let HomeShield's account change "
                    + "its " + settings + "; the provider must grant that account access on the router.", false);
            case 7, 9, 10, 11, 13 -> new RouterControlException("The router could not carry out the change to its "
                    + settings + " (" + name + "); HomeShield will try again.", true);
            default -> new RouterControlException("The router rejected HomeShield's change to its " + settings
                    + " (" + name + ").", false);
        };
    }

    /**
     * The failure for a non-zero status of a command such as {@code system reboot}; {@code action}
     * says what HomeShield wanted, e.g. "restart the router".
     */
    static RouterControlException commandFailure(int status, String action) {
        String name = status >= 0 && status < NAMES.length ? NAMES[status] : "status " + status;
        return switch (status) {
            case PERMISSION_DENIED -> new RouterControlException("The router does not let HomeShield's account "
                    + action + "; the provider must grant that account access on the router.", false);
            case 7, 9, 10, 11, 13 -> new RouterControlException("HomeShield could not " + action + " (" + name
                    + "); it will try again.", true);
            default -> new RouterControlException("The router would not let HomeShield " + action + " (" + name
                    + ").", false);
        };
    }
}
