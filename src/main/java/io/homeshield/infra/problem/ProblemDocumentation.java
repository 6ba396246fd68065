package io.homeshield.infra.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How an API's OpenAPI document shows an error answer: RFC 9457 problem+json with the Problem schema and an example.
 */
public final class ProblemDocumentation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemDocumentation() {
    }

    /** What an API's documentation filter does to each of its operations. */
    @FunctionalInterface
    public interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    /** Visits every operation whose path starts with the API's prefix. */
    public static void forEachOperation(OpenAPI openAPI, String prefix, OperationVisitor visitor) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(prefix)) {
                item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation));
            }
        });
    }

    /** Makes the answer problem+json; the example is used unless the operation declared its own. */
    public static void asProblem(APIResponse response, String exampleJson) {
        var media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
        Map<String, Example> examples = new LinkedHashMap<>();
        if (response.getContent() != null && response.getContent().getMediaType(Problem.MEDIA_TYPE) != null
                && response.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples() != null) {
            examples.putAll(response.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples());
        }
        if (examples.isEmpty() && exampleJson != null) {
            examples.put("problem", OASFactory.createExample().value(parse(exampleJson)));
        }
        media.setExamples(examples);
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example in the API documentation is not JSON", e);
        }
    }
}
