package io.homeshield.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.audit.AuditEntry;
import io.homeshield.audit.AuditExport;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditReport;
import io.homeshield.audit.AuditVerifier;
import io.homeshield.audit.PublishedHead;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audit log for admins: the latest entries, a check of the whole chain (as a page, or JSON for
 * monitoring), and a CSV export of a time range.
 */
@Path("/admin/audit")
@RolesAllowed(StaffRoles.ADMIN)
class AuditPages {

    private static final int RECENT = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<AuditEntry> entries, String today);

        static native TemplateInstance verify(AuditReport report);
    }

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditExport export;
    private final SecurityIdentity identity;

    AuditPages(AuditLog log, AuditVerifier verifier, AuditExport export, SecurityIdentity identity) {
        this.log = log;
        this.verifier = verifier;
        this.export = export;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance log() {
        return Templates.log(log.recent(RECENT), LocalDate.now(ZoneOffset.UTC).toString());
    }

    /** @param head the last published head line (or a log line holding it); absent: the configured or last one */
    @GET
    @Path("verify")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verifyPage(@RestQuery String head) {
        return Templates.verify(verifier.verify(publishedHead(head)));
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditReport verify(@RestQuery String head) {
        return verifier.verify(publishedHead(head));
    }

    private static PublishedHead publishedHead(String head) {
        if (head == null || head.isBlank()) {
            return null;
        }
        try {
            return PublishedHead.parse(head);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("head", e.getMessage());
        }
    }

    /** Entries from the start of {@code from} to the end of {@code to} (UTC dates, or instants). */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@RestQuery String from, @RestQuery String to) {
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after the start of the range");
        }
        StreamingOutput body = out -> export.writeCsv(start, end, StaffActors.as(identity, StaffRoles.ADMIN), out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"homeshield-audit-" + from + "-to-" + to + ".csv\"")
                .build();
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "give a date such as 2025-03-01");
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "give a date such as 2025-03-01 or an instant such as"
                    + " 2025-03-01T12:00:00Z");
        }
    }
}
