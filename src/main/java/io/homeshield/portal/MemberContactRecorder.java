package io.homeshield.portal;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdMember;
import io.homeshield.notification.MemberContacts;
import io.homeshield.web.PageLocale;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records, as a member opens portal pages, the e-mail address their sign-in token carries (its
 * {@code email} claim) and the language the portal shows them, so that e-mails reach them in it.
 * Writes only when something changed.
 */
class MemberContactRecorder {

    private final SecurityIdentity identity;
    private final CurrentHousehold household;
    private final PageLocale locale;
    private final MemberContacts contacts;

    MemberContactRecorder(SecurityIdentity identity, CurrentHousehold household, PageLocale locale,
            MemberContacts contacts) {
        this.identity = identity;
        this.household = household;
        this.locale = locale;
        this.contacts = contacts;
    }

    @ServerRequestFilter
    void record(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/portal")
                || identity.isAnonymous() || !BlockingOperationControl.isBlockingAllowed()) {
            return;
        }
        HouseholdMember member = household.membership().orElse(null);
        if (member == null) {
            return;
        }
        String email = identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("email") != null
                ? token.getClaim("email").toString() : null;
        String language = locale.getTag();
        if (MemberContacts.differs(member, email, language)) {
            contacts.record(member.id, email, language);
        }
    }
}
