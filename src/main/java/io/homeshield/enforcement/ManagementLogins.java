package io.homeshield.enforcement;

import java.util.Optional;

import io.homeshield.inventory.Router;

/**
 * The port for a management channel on which each router has a login of its own (OpenWrt's rpcd): the
 * channel's adapter issues the login at registration, for the provider to install once, and says which
 * management addresses HomeShield will speak to on it.
 */
public interface ManagementLogins {

    /** A login issued for one router; its password is never written to a log. */
    record Issued(String username, String password) {

        @Override
        public String toString() {
            return "Issued[username=" + username + "]";
        }
    }

    /** Whether the deployment has a key to keep routers' logins with. */
    boolean canIssue();

    /** Issues a new login for the router, replacing any earlier one, within the caller's transaction. */
    Issued issue(Router router);

    /** Why HomeShield will not speak to a router at this management address, or empty when it may. */
    Optional<String> refusal(String address);
}
