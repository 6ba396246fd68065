package io.homeshield.routers.openwrt;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.ManagementLogins;
import io.homeshield.inventory.Router;

/** OpenWrt routers' own rpcd logins and the ubus URLs HomeShield may use, behind the features' port. */
@ApplicationScoped
class OpenWrtManagementLogins implements ManagementLogins {

    private final OpenWrtLogins logins;
    private final ManagementTransport transport;

    OpenWrtManagementLogins(OpenWrtLogins logins, ManagementTransport transport) {
        this.logins = logins;
        this.transport = transport;
    }

    @Override
    public boolean canIssue() {
        return logins.canIssue();
    }

    @Override
    public Issued issue(Router router) {
        RpcdLogin login = logins.issue(router);
        return login == null ? null : new Issued(login.username(), login.password());
    }

    @Override
    public Optional<String> refusal(String address) {
        return transport.refusal(address);
    }
}
