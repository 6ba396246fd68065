package io.homeshield.household;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The household of the signed-in person. Subscriber-facing queries take the {@link HouseholdId}
 * this returns, so scoping is enforced where data is read, not only where pages are drawn.
 */
@RequestScoped
public class CurrentHousehold {

    private final SecurityIdentity identity;
    private Optional<HouseholdMember> membership;

    CurrentHousehold(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<HouseholdMember> membership() {
        if (membership == null) {
            membership = identity.isAnonymous()
                    ? Optional.empty()
                    : Optional.ofNullable(HouseholdMember.findBySubject(identity.getPrincipal().getName()));
        }
        return membership;
    }

    /** The household of the signed-in subscriber, or {@link NotInHouseholdException}. */
    public HouseholdId require() {
        return membership().map(m -> new HouseholdId(m.householdId)).orElseThrow(NotInHouseholdException::new);
    }

    /** As {@link #require()}, and the person's role must allow changes (owner or co-admin). */
    public HouseholdId requireCanAct() {
        HouseholdId household = require();
        if (!membership().orElseThrow().role.canAct()) {
            throw new MemberMayNotActException();
        }
        return household;
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** When the person's token ends (its {@code exp}), if they signed in with one that says. */
    public Optional<Instant> credentialExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim(Claims.exp.name()) instanceof Number exp && exp.longValue() > 0) {
            return Optional.of(Instant.ofEpochSecond(exp.longValue()));
        }
        return Optional.empty();
    }
}
