package io.homeshield.portal;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/**
 * What a page says after a change: the change's name travels in the {@code done} query parameter
 * after the redirect, and only these fixed names ever reach the page (as a translated sentence).
 */
final class Notices {

    private static final Set<String> KNOWN = Set.of("quarantine", "release", "described", "blocked", "unblocked",
            "trusted", "acknowledged", "resolved", "notAThreat", "exempted", "unexempted", "saved", "invited",
            "invitationCancelled", "removed", "releasedFixed");

    private Notices() {
    }

    static String of(String done) {
        return done != null && KNOWN.contains(done) ? done : null;
    }

    /** POST, then redirect: the browser's back and reload buttons never submit the form again. */
    static Response redirect(String path, String done) {
        if (!KNOWN.contains(done)) {
            throw new IllegalArgumentException("unknown notice " + done);
        }
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done=" + done)).build();
    }
}
