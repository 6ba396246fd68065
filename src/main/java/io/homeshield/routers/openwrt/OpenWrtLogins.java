package io.homeshield.routers.openwrt;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.Router;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Each OpenWrt router's own rpcd login: a random password issued at registration, shown to the provider
 * once to install on the router, and kept only sealed with the deployment's key. No login is shared
 * between routers, so a router that leaks its password gives away nothing about the others.
 */
@ApplicationScoped
public class OpenWrtLogins implements RouterLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OpenWrtConfig config;
    private final Optional<LoginCipher> cipher;

    OpenWrtLogins(OpenWrtConfig config) {
        this.config = config;
        this.cipher = config.credentialKey().filter(key -> !key.isBlank()).map(LoginCipher::of);
    }

    /** Whether the deployment has a key to keep routers' logins with. */
    public boolean canIssue() {
        return cipher.isPresent();
    }

    /** Issues a new login for the router, replacing any earlier one; returns it for the provider to install once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RpcdLogin issue(Router router) {
        LoginCipher sealer = cipher.orElseThrow(() -> new IllegalStateException(
                "homeshield.openwrt.credential-key is not configured"));
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        RpcdLogin login = new RpcdLogin(config.username(), Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        router.managementUsername = login.username();
        router.managementPasswordSealed = sealer.seal(router.id, login.password());
        return login;
    }

    @Override
    public RpcdLogin of(RouterTarget target) throws RouterControlException {
        if (cipher.isEmpty()) {
            throw new RouterControlException("HomeShield has no key for the routers' logins; the provider must "
                    + "configure homeshield.openwrt.credential-key.", false);
        }
        String[] stored = QuarkusTransaction.requiringNew().call(() -> {
            Router router = Router.findById(target.id());
            return router == null ? null : new String[] { router.managementUsername, router.managementPasswordSealed };
        });
        if (stored == null || stored[0] == null || stored[1] == null) {
            throw new RouterControlException("This router has no login of its own for HomeShield; the provider must "
                    + "issue one through the provisioning API and install it on the router.", false);
        }
        try {
            return new RpcdLogin(stored[0], cipher.get().open(target.id(), stored[1]));
        } catch (IllegalArgumentException notOurs) {
            throw new RouterControlException("This router's stored login does not belong to it or was sealed with "
                    + "another key; the provider must issue a new one through the provisioning API.", false);
        }
    }
}
