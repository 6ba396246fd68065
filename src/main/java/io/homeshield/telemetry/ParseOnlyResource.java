package io.homeshield.telemetry;

import java.io.IOException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.homeshield.infra.problem.ProblemException;

/**
 * The ingest endpoint without the pipeline: authenticates, reads and validates a batch and applies
 * nothing. It exists only for the ingest benchmark's ceiling and answers 404 unless
 * {@code homeshield.telemetry.benchmark-endpoint} is on.
 */
@Path("/ingest/v1/parse-only")
public class ParseOnlyResource {

    /** What was read. */
    public record ParseOutcome(int events) {
    }

    private final TelemetryConfig config;
    private final RouterAuthenticator authenticator;
    private final BatchReader reader;
    private final TelemetryPipeline pipeline;

    ParseOnlyResource(TelemetryConfig config, RouterAuthenticator authenticator, BatchReader reader,
            TelemetryPipeline pipeline) {
        this.config = config;
        this.authenticator = authenticator;
        this.reader = reader;
        this.pipeline = pipeline;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, BatchReader.NDJSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ParseOutcome post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) throws IOException {
        if (!config.benchmarkEndpoint()) {
            throw ProblemException.notFound("This endpoint");
        }
        var routerId = authenticator.authenticate(authorization);
        var batch = reader.read(body, contentType != null && contentType.startsWith(BatchReader.NDJSON));
        pipeline.check(routerId, batch);
        return new ParseOutcome(batch.events().size());
    }
}
