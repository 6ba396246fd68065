package io.homeshield.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdMember;
import io.homeshield.web.StaffRoles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

/** Who is looking at a page, for the navigation every page shares. */
@RequestScoped
@Named("viewer")
public class Viewer {

    private final SecurityIdentity identity;
    private final CurrentHousehold household;
    private final HttpServerRequest request;

    Viewer(SecurityIdentity identity, CurrentHousehold household, HttpServerRequest request) {
        this.identity = identity;
        this.household = household;
        this.request = request;
    }

    /** This page's path and query, encoded for a query parameter (the language switch comes back here). */
    public String getPath() {
        return URLEncoder.encode(request.uri(), StandardCharsets.UTF_8);
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean staff() {
        return signedIn() && StaffRoles.isStaff(identity);
    }

    public boolean inHousehold() {
        return membership().isPresent();
    }

    /** Signed in with the subscriber role, whether or not a household is linked yet. */
    public boolean subscriber() {
        return signedIn() && identity.hasRole("subscriber");
    }

    /** A name to greet the person with; never the raw subject, which may be an opaque id. */
    public String name() {
        if (!signedIn()) {
            return "";
        }
        String fromHousehold = membership().map((HouseholdMember m) -> m.displayName).orElse(null);
        if (fromHousehold != null && !fromHousehold.isBlank()) {
            return fromHousehold;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] { "name", "preferred_username", "email" }) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
            return "Signed in";
        }
        return identity.getPrincipal().getName();
    }

    /**
     * Error pages for requests refused before they reach a worker thread (a role check) render on
     * the event loop, where the database must not be touched; they show the navigation without it.
     */
    private Optional<HouseholdMember> membership() {
        if (!signedIn() || Context.isOnEventLoopThread()) {
            return Optional.empty();
        }
        return household.membership();
    }
}
