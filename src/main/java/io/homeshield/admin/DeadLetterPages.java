package io.homeshield.admin;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.telemetry.DeadLetterReplay;
import io.homeshield.telemetry.DeadLetters;
import io.homeshield.telemetry.TelemetryDeadLetter;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Telemetry batches that could not be applied, for analysts: the list with each reason, one
 * letter with its batch, and a replay that applies it again with a reason the audit log keeps.
 */
@Path("/admin/telemetry/dead-letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.ANALYST)
class DeadLetterPages {

    private static final int LISTED = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TelemetryDeadLetter> letters, UUID router);

        static native TemplateInstance letter(TelemetryDeadLetter letter, String batch, ReplayForm form, boolean done);
    }

    /** The replay form as first shown or sent back with its reason refused. */
    public record ReplayForm(String reason, String errorField) {

        static final ReplayForm EMPTY = new ReplayForm("", null);

        public boolean wrong(String field) {
            return field.equals(errorField);
        }
    }

    private final DeadLetters letters;
    private final DeadLetterReplay replay;
    private final SecurityIdentity identity;

    DeadLetterPages(DeadLetters letters, DeadLetterReplay replay, SecurityIdentity identity) {
        this.letters = letters;
        this.replay = replay;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String router) {
        UUID routerId = routerId(router);
        return Templates.list(letters.recent(routerId, LISTED), routerId);
    }

    @GET
    @Path("{id}")
    public TemplateInstance letter(@RestPath UUID id, @RestQuery String done) {
        TelemetryDeadLetter letter = find(id);
        return Templates.letter(letter, letter.batch, ReplayForm.EMPTY, done != null);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@RestPath UUID id, @RestForm String reason) {
        TelemetryDeadLetter letter = find(id);
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.letter(letter, letter.batch, new ReplayForm(reason, "reason"), false)).build();
        }
        replay.replay(id, StaffActors.as(identity, StaffRoles.ANALYST), why.value());
        return Response.seeOther(URI.create("/admin/telemetry/dead-letters/" + id + "?done=replayed")).build();
    }

    private TelemetryDeadLetter find(UUID id) {
        return letters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter"));
    }

    private static UUID routerId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("router", "not a router id");
        }
    }
}
