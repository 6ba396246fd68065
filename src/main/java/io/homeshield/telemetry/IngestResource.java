package io.homeshield.telemetry;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.telemetry.wire.TelemetryBatch;

/**
 * Where routers post their telemetry. The credential is checked before the body is read, the
 * whole batch is validated before anything is stored, and a full pipeline answers 503 with
 * Retry-After: a batch is either applied or refused in a way that tells the router to resend it.
 */
@Path("/ingest/v1/batches")
@Tag(name = "Telemetry ingest", description = "For routers: numbered batches of what they see.")
@SecurityScheme(securitySchemeName = "router", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "The router id and the ingest secret issued when the router was registered.")
public class IngestResource {

    private final RouterAuthenticator authenticator;
    private final IngestGate gate;
    private final BatchProcessor processor;
    private final IngestMetrics metrics;
    private final TelemetryConfig config;
    private final ObjectMapper json;
    private final Validator validator;

    IngestResource(RouterAuthenticator authenticator, IngestGate gate, BatchProcessor processor, IngestMetrics metrics,
            TelemetryConfig config, ObjectMapper json, Validator validator) {
        this.authenticator = authenticator;
        this.gate = gate;
        this.processor = processor;
        this.metrics = metrics;
        this.config = config;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "router")
    @Operation(summary = "Post a batch of telemetry",
            description = "Applies a numbered batch of host, flow, dns and config events. Resending a batch with a "
                    + "sequence number already accepted is answered 200 and changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TelemetryBatch.class)))
    @APIResponse(responseCode = "202", description = "Accepted and applied.",
            content = @Content(schema = @Schema(implementation = BatchOutcome.class)))
    @APIResponse(responseCode = "200", description = "A duplicate of a batch accepted before; nothing applied.",
            content = @Content(schema = @Schema(implementation = BatchOutcome.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid field; nothing stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong router credential, or a person's token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The credential belongs to another router than the batch names.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many events or bytes in one batch; split it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The pipeline is full; resend after Retry-After seconds.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) throws IOException {
        try {
            UUID routerId = authenticator.authenticate(authorization);
            TelemetryBatch batch = parse(body);
            check(routerId, batch);
            BatchOutcome outcome;
            try (IngestGate.Permit permit = gate.enter()) {
                outcome = processor.process(routerId, batch);
            }
            if (outcome.isDuplicate()) {
                metrics.duplicate();
                return Response.ok(outcome).build();
            }
            metrics.accepted(outcome.events());
            return Response.accepted(outcome).build();
        } catch (ProblemException e) {
            metrics.rejected(e.problem().status());
            throw e;
        } catch (IOException | ConstraintViolationException e) {
            metrics.rejected(400);
            throw e;
        }
    }

    private TelemetryBatch parse(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is empty; expected a telemetry batch.");
        }
        if (body.length > config.maxBatchBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The batch has " + body.length
                    + " bytes; at most " + config.maxBatchBytes() + " are accepted. Split it into smaller batches.");
        }
        TelemetryBatch batch = json.readValue(body, TelemetryBatch.class);
        if (batch == null) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is null; expected a telemetry batch.");
        }
        return batch;
    }

    private void check(UUID routerId, TelemetryBatch batch) {
        if (batch.events() != null && batch.events().size() > config.maxEventsPerBatch()) {
            String reason = "has " + batch.events().size() + " events; at most " + config.maxEventsPerBatch()
                    + " are accepted per batch";
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "events: " + reason + ". Split it.",
                    List.of(new Problem.Violation("events", reason)));
        }
        Set<ConstraintViolation<TelemetryBatch>> violations = validator.validate(batch);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!routerId.equals(batch.routerId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "routerId: this credential belongs to another router.",
                    List.of(new Problem.Violation("routerId", "this credential belongs to another router")));
        }
    }
}
