package io.homeshield.telemetry;

import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The NDJSON example of the routers' batch upload, set as the text it is: given in the annotation,
 * the document generator reads it as JSON and keeps only its first line, as an object.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IngestDocumentation implements OASFilter {

    static final String NDJSON_EXAMPLE = """
            {"routerId":"6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f","sequence":1042,"sentAt":"2026-11-22T10:15:30Z"}
            {"type":"host","mac":"3C:84:6A:12:34:56","ip":"192.168.1.23","active":true}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional.ofNullable(openAPI.getPaths()).map(paths -> paths.getPathItem("/ingest/v1/batches"))
                .map(PathItem::getPOST).map(Operation::getRequestBody)
                .map(body -> body.getContent().getMediaType(BatchReader.NDJSON))
                .ifPresent(ndjson -> ndjson.setExample(NDJSON_EXAMPLE));
    }
}
