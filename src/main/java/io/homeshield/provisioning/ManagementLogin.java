package io.homeshield.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.ManagementLogins;

/** An OpenWrt router's own rpcd login, for the provider to install on that router. */
@Schema(name = "ManagementLogin")
public record ManagementLogin(
        @Schema(description = "rpcd user name", examples = "homeshield") String username,
        @Schema(description = "rpcd password; shown once, kept only encrypted") String password) {

    static ManagementLogin of(ManagementLogins.Issued login) {
        return login == null ? null : new ManagementLogin(login.username(), login.password());
    }

    @Override
    public String toString() {
        return "ManagementLogin[username=" + username + "]";
    }
}
