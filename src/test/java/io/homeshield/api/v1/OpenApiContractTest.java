package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract the apps build on: the OpenAPI document the application serves is the one committed
 * in {@code src/main/openapi/homeshield-api-v1.yaml}, every API operation shows an example, and every
 * error answer is problem+json. After an intended change, regenerate the committed document with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dhomeshield.openapi.write=true}, review the diff, and
 * note the change in the API's CHANGELOG. The build also lints the committed document ({@code npm run lint:api}
 * in frontend/) and generates a Java client from it for {@link GeneratedClientTest}; should the committed
 * document not give a client that compiles, regenerate it without the client ({@code -Dcodegen.skip=true}
 * after deleting target/generated-test-sources, with GeneratedClientTest set aside).
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path COMMITTED = Paths.get("src", "main", "openapi", "homeshield-api-v1.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static String served;
    static JsonNode document;

    @BeforeEach
    void read() throws IOException {
        if (document != null) {
            return;
        }
        served = given().when().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        document = YAML.readTree(served);
        Files.writeString(Paths.get("target", "openapi-served.yaml"), served); // to diff against the committed one
        if (Boolean.getBoolean("homeshield.openapi.write")) {
            Files.writeString(COMMITTED, served.replaceAll("openIdConnectUrl: .*",
                    "openIdConnectUrl: "
                            + "https://sso.example-isp.net/realms/homeshield/.well-known/openid-configuration"));
        }
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        assertThat("the committed document differs from the served one; regenerate it (see this test's comment)",
                withoutIssuer(YAML.readTree(Files.readString(COMMITTED))), equalTo(withoutIssuer(document.deepCopy())));
    }

    @Test
    void everyOperationHasAnExampleOfEveryBodyItSendsOrReceives() {
        List<String> missing = new ArrayList<>();
        forEachOperation((where, operation) -> {
            int examples = 0;
            JsonNode request = operation.path("requestBody").path("content");
            for (Iterator<Map.Entry<String, JsonNode>> media = request.fields(); media.hasNext();) {
                Map.Entry<String, JsonNode> m = media.next();
                if (hasExample(m.getValue())) {
                    examples++;
                } else {
                    missing.add(where + " request " + m.getKey());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                    responses.hasNext();) {
                Map.Entry<String, JsonNode> response = responses.next();
                for (Iterator<Map.Entry<String, JsonNode>> media = response.getValue().path("content").fields();
                        media.hasNext();) {
                    Map.Entry<String, JsonNode> m = media.next();
                    if (hasExample(m.getValue())) {
                        examples++;
                    } else {
                        missing.add(where + " " + response.getKey() + " " + m.getKey());
                    }
                }
            }
            if (examples == 0) {
                missing.add(where + " has no example at all");
            }
        });
        assertThat(missing, empty());
    }

    @Test
    void everyErrorAnswerIsProblemJson() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((where, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                JsonNode content = response.getValue().path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                if (!types.equals(List.of("application/problem+json")) || !content.path("application/problem+json")
                        .path("schema").path("$ref").asText().endsWith("/Problem")) {
                    wrong.add(where + " " + response.getKey() + " " + types);
                }
            }
        }));
        assertThat(wrong, empty());
    }

    @Test
    void theApiAnswersEveryMissingTokenAsDocumented() {
        List<String> undocumented = new ArrayList<>();
        forEachOperation((where, operation) -> {
            if (!operation.path("responses").has("401")) {
                undocumented.add(where);
            }
        });
        assertThat(undocumented, empty());
    }

    /**
     * The identity server's discovery URL is the deployment's own (in tests, a random port), not part of the contract.
     */
    private static JsonNode withoutIssuer(JsonNode doc) {
        doc.path("components").path("securitySchemes").forEach(scheme -> {
            if (scheme.has("openIdConnectUrl")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) scheme).put("openIdConnectUrl", "<the realm's>");
            }
        });
        return doc;
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || media.path("examples").size() > 0;
    }

    private interface OperationCheck {
        void check(String where, JsonNode operation);
    }

    private static void forEachOperation(OperationCheck check) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(ApiDocumentation.PREFIX)) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        check.check(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                    }
                });
            }
        });
    }
}
