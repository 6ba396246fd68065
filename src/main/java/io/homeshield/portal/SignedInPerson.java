package io.homeshield.portal;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.homeshield.household.Invitee;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person as the identity provider describes them: sign-in name, e-mail address, name. */
@RequestScoped
class SignedInPerson {

    private final SecurityIdentity identity;

    SignedInPerson(SecurityIdentity identity) {
        this.identity = identity;
    }

    String subject() {
        return identity.getPrincipal().getName();
    }

    String email() {
        return claim("email");
    }

    /** Whether the identity provider has verified that the e-mail address is the person's. */
    boolean emailVerified() {
        return "true".equals(claim("email_verified"));
    }

    Invitee asInvitee() {
        return new Invitee(subject(), email(), emailVerified(), displayName());
    }

    String displayName() {
        String name = claim("name");
        return name != null ? name : subject();
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null || value.toString().isBlank() ? null : value.toString();
        }
        return null;
    }
}
