package io.homeshield.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.logging.Log;

/**
 * Guards the pages' forms: every unsafe request to {@code /portal} or {@code /admin} must carry
 * the token that matches its nonce cookie and, when the browser names an Origin, come from this
 * site. Anything else is refused before a resource runs, so nothing changes.
 */
class CsrfFilter {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String REJECTED = "This form has expired or was not sent from this site, so nothing was changed."
            + " Go back, reload the page and try again.";

    private final CsrfTokens tokens;
    private final CsrfSession session;

    CsrfFilter(CsrfTokens tokens, CsrfSession session) {
        this.tokens = tokens;
        this.session = session;
    }

    @ServerRequestFilter
    @WithFormRead
    void check(ResteasyReactiveContainerRequestContext request) {
        if (!isGuarded(request.getUriInfo().getPath())) {
            return;
        }
        Cookie cookie = request.getCookies().get(CsrfTokens.COOKIE);
        String nonce = cookie == null ? null : cookie.getValue();
        if (UNSAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            String origin = request.getHeaderString("Origin");
            if (!isSameOrigin(origin, request.getUriInfo().getRequestUri())) {
                Log.warnf("Refused %s %s from foreign origin %s", request.getMethod(),
                        request.getUriInfo().getPath(), origin);
                throw new ProblemException(ProblemType.FORBIDDEN, REJECTED);
            }
            if (!tokens.isValid(nonce, session.subject(), submittedToken(request))) {
                Log.warnf("Refused %s %s without a valid form token", request.getMethod(),
                        request.getUriInfo().getPath());
                throw new ProblemException(ProblemType.FORBIDDEN, REJECTED);
            }
        }
        session.useNonceFrom(nonce);
    }

    @ServerResponseFilter
    void issueCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isGuarded(request.getUriInfo().getPath()) || !session.isFresh()) {
            return;
        }
        boolean https = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        NewCookie cookie = new NewCookie.Builder(CsrfTokens.COOKIE)
                .value(session.nonce())
                .path("/")
                .httpOnly(true)
                .secure(https)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }

    static boolean isGuarded(String path) {
        return path.equals("/portal") || path.startsWith("/portal/") || path.equals("/admin")
                || path.startsWith("/admin/");
    }

    /** No Origin header (older browsers, same-origin navigations) is fine; a foreign or opaque one is not. */
    static boolean isSameOrigin(String origin, URI request) {
        if (origin == null) {
            return true;
        }
        try {
            URI claimed = new URI(origin.trim());
            return claimed.getScheme() != null && claimed.getHost() != null
                    && claimed.getScheme().equalsIgnoreCase(request.getScheme())
                    && claimed.getHost().equalsIgnoreCase(request.getHost())
                    && effectivePort(claimed) == effectivePort(request);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String submittedToken(ResteasyReactiveContainerRequestContext request) {
        String header = request.getHeaderString(CsrfTokens.HEADER);
        if (header != null) {
            return header;
        }
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            FormData form = context.getFormData();
            FormValue value = form == null ? null : form.getFirst(CsrfTokens.FIELD);
            return value == null || value.isFileItem() ? null : value.getValue();
        }
        return null;
    }
}
