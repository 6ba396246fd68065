package io.homeshield.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.wire.TelemetryBatch;
import io.smallrye.common.annotation.Blocking;

/**
 * Where routers post their telemetry. The credential is checked before a byte of the body is read
 * (the body is a stream, read here only after authentication, and never beyond the batch size
 * limit), the whole batch is validated before anything is stored, a router over its own limits
 * answers 429 and a full pipeline 503, both with Retry-After: a batch is applied, stored as a dead
 * letter, or refused in a way that tells the router whether to resend it.
 */
@Path("/ingest/v1/batches")
@Tag(name = "Telemetry ingest", description = "For routers: numbered batches of what they see.")
public class IngestResource {

    private final RouterAuthenticator authenticator;
    private final BatchReader reader;
    private final TelemetryPipeline pipeline;
    private final IngestMetrics metrics;
    private final RouterIngestLimits limits;
    private final IngestGate gate;

    IngestResource(RouterAuthenticator authenticator, BatchReader reader, TelemetryPipeline pipeline,
            IngestMetrics metrics, RouterIngestLimits limits, IngestGate gate) {
        this.authenticator = authenticator;
        this.reader = reader;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.limits = limits;
        this.gate = gate;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, BatchReader.NDJSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postTelemetryBatch", summary = "Post a batch of telemetry",
            description = "For routers, authenticated with HTTP Basic: the router id as user name and the ingest "
                    + "secret issued when the router was registered (a person's token is refused). "
                    + "Applies a numbered batch of host, flow, dns and config events. Resending a batch with a "
                    + "sequence number already accepted is answered 200 and changes nothing. The body is one JSON "
                    + "document, or NDJSON (application/x-ndjson): a first line with routerId, sequence and sentAt, "
                    + "then one event per line. Content-Encoding: gzip is accepted.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TelemetryBatch.class)),
            // its example is set by IngestDocumentation, as text
            @Content(mediaType = BatchReader.NDJSON, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "202", description = "Accepted and applied, or stored as a dead letter for the "
            + "provider to replay (status dead-lettered); either way the router need not resend it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchOutcome.class)))
    @APIResponse(responseCode = "200", description = "A duplicate of a batch accepted before; nothing applied.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchOutcome.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid field; nothing stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong router credential, or a person's token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The credential belongs to another router than the batch names.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many events or bytes in one batch; split it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "This router sends more batches at once or more events per "
            + "minute than it may; resend after Retry-After seconds.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The pipeline is full, or the batch could not be applied or "
            + "stored now; resend after Retry-After seconds.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Blocking // reads the body as a stream; the answer is sent later, without holding this thread
    public CompletionStage<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body)
            throws IOException {
        UUID routerId;
        RouterIngestLimits.Slot slot;
        try {
            routerId = authenticator.authenticate(authorization);
            gate.refuseIfCrowded();
            slot = limits.enter(routerId);
        } catch (ProblemException e) {
            metrics.rejected(e.problem().status());
            throw e;
        }
        TelemetryPipeline.Taking taking;
        try {
            TelemetryBatch batch;
            try {
                boolean ndjson = contentType != null && contentType.startsWith(BatchReader.NDJSON);
                batch = reader.read(body, contentLength, ndjson);
                slot.count(batch.events() == null ? 0 : batch.events().size());
            } catch (ProblemException e) {
                metrics.rejected(e.problem().status());
                throw e;
            } catch (IOException e) {
                metrics.rejected(400);
                throw e;
            }
            taking = pipeline.take(routerId, batch, EvidenceSource.ROUTER);
        } catch (IOException | RuntimeException e) {
            slot.close();
            throw e;
        }
        // the router's place is free once the batch is applied; the answer waits for its records' store
        taking.taken().whenComplete((v, e) -> slot.close());
        CompletableFuture<Response> response = new CompletableFuture<>();
        taking.outcome().whenComplete((outcome, e) -> {
            if (e != null) {
                response.completeExceptionally(
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                response.complete(
                        outcome.isDuplicate() ? Response.ok(outcome).build() : Response.accepted(outcome).build());
            }
        });
        return response;
    }
}
