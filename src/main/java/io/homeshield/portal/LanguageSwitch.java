package io.homeshield.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.web.PageLocale;

/** The language switch: remembers the choice in a cookie and goes back to the page it was made on. */
@Path("/language")
class LanguageSwitch {

    /** Only paths of this site, never another host ("//evil.example") or a scheme. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/._~%?&=+-]*");

    @GET
    @Path("{tag}")
    public Response choose(@RestPath String tag, @RestQuery String next) {
        Locale locale = PageLocale.supported(tag);
        if (locale == null) {
            throw ProblemException.notFound("Language");
        }
        NewCookie cookie = new NewCookie.Builder(PageLocale.COOKIE).value(locale.getLanguage()).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true)
                .build();
        return Response.seeOther(URI.create(backTo(next))).cookie(cookie).build();
    }

    static String backTo(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/";
    }
}
