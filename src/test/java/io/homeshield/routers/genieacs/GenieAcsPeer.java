package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A GenieACS NBI (1.2) played by WireMock, answering as the real one does: a task posted with
 * {@code connection_request} is answered 200 with the task when the router ran it, 202 with the task
 * when it was queued ("Task queued but not processed") or faulted ("Task faulted"), and 404 "No such
 * device"; queries answer a JSON array with a {@code total} header; tags, faults, provisions and
 * presets answer 200 with an empty body.
 */
final class GenieAcsPeer {

    /** GenieACS builds ids from OUI, product class and serial, percent-encoding each: "HS Box" becomes "HS%20Box". */
    static final String DEVICE = "00256D-HS%20Box%207-SN0001";

    final WireMockServer server;

    GenieAcsPeer(WireMockServer server) {
        this.server = server;
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String tasksPath() {
        return "/devices/" + encoded(DEVICE) + "/tasks";
    }

    MappingBuilder task(String name) {
        return post(urlPathEqualTo(tasksPath())).withQueryParam("connection_request", equalTo(""))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)));
    }

    void taskDone(String name) {
        server.stubFor(task(name).willReturn(taskAnswer(200, name, "done-" + name)));
    }

    void taskQueued(String name) {
        server.stubFor(task(name).willReturn(taskAnswer(202, name, "queued-" + name)
                .withStatusMessage("Task queued but not processed")));
    }

    void taskFaulted(String name, String code, String message) {
        String taskId = "faulted-" + name;
        server.stubFor(task(name).willReturn(taskAnswer(202, name, taskId).withStatusMessage("Task faulted")));
        String faultId = DEVICE + ":task_" + taskId;
        server.stubFor(get(urlPathEqualTo("/faults/")).withQueryParam("query", equalToJson("{\"_id\":\"" + faultId + "\"}"))
                .willReturn(array("{\"_id\":\"" + faultId + "\",\"device\":\"" + DEVICE + "\",\"channel\":\"task_"
                        + taskId + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":{\"faultCode\":\""
                        + code.replace("cwmp.", "") + "\",\"faultString\":\"" + message + "\"},\"retries\":0,"
                        + "\"timestamp\":\"2025-01-15T10:00:00.000Z\",\"provisions\":\"[]\"}")));
        server.stubFor(delete(urlPathEqualTo("/faults/" + encoded(faultId))).willReturn(aResponse().withStatus(200)));
    }

    void unknownDevice() {
        server.stubFor(post(urlPathEqualTo(tasksPath())).willReturn(aResponse().withStatus(404).withBody("No such device")));
    }

    /** The device document GenieACS answers for a projection on the access-control table, with the given rows. */
    void accessControl(String scenarioState, String rows) {
        MappingBuilder query = get(urlPathEqualTo("/devices/"))
                .withQueryParam("query", equalToJson("{\"_id\":\"" + DEVICE + "\"}"))
                .withQueryParam("projection", equalTo("Device.Hosts.AccessControl"));
        if (scenarioState != null) {
            query = query.inScenario("router").whenScenarioStateIs(scenarioState);
        }
        server.stubFor(query.willReturn(array("{\"_id\":\"" + DEVICE + "\",\"Device\":{\"Hosts\":{\"AccessControl\":{"
                + "\"_object\":true,\"_writable\":true,\"_timestamp\":\"2025-01-15T10:00:00.000Z\"" + rows + "}}}}")));
    }

    void tags(String... tags) {
        StringBuilder list = new StringBuilder();
        for (String tag : tags) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(tag).append('"');
        }
        server.stubFor(get(urlPathEqualTo("/devices/")).withQueryParam("projection", equalTo("_tags"))
                .willReturn(array("{\"_id\":\"" + DEVICE + "\",\"_tags\":[" + list + "]}")));
    }

    /** One row of {@code Device.Hosts.AccessControl} as a GenieACS document holds it. */
    static String row(int instance, String mac, String policy, boolean enabled) {
        return ",\"" + instance + "\":{\"_object\":true,\"_writable\":true,\"_timestamp\":\"2025-01-15T10:00:00.000Z\","
                + leaf("PhysAddress", "\"" + mac + "\"", "xsd:string") + "," + leaf("AccessPolicy", "\"" + policy + "\"",
                        "xsd:string")
                + "," + leaf("Enable", String.valueOf(enabled), "xsd:boolean") + "}";
    }

    void pendingTasks(String json) {
        server.stubFor(get(urlPathEqualTo("/tasks/")).willReturn(array(json)));
    }

    /** Everything else a healthy NBI answers: no pending tasks, no faults, tags and config writes accepted. */
    void healthy() {
        server.stubFor(get(urlPathEqualTo("/tasks/")).atPriority(10).willReturn(array("")));
        server.stubFor(get(urlPathEqualTo("/faults/")).atPriority(10).willReturn(array("")));
        server.stubFor(post(urlPathMatching("/devices/[^/]+/tags/[^/]+")).willReturn(aResponse().withStatus(200)));
        server.stubFor(delete(urlPathMatching("/devices/[^/]+/tags/[^/]+")).willReturn(aResponse().withStatus(200)));
        server.stubFor(delete(urlPathMatching("/tasks/[^/]+")).willReturn(aResponse().withStatus(200)));
        server.stubFor(put(urlPathMatching("/provisions/[^/]+")).willReturn(aResponse().withStatus(200)));
        server.stubFor(put(urlPathMatching("/presets/[^/]+")).willReturn(aResponse().withStatus(200)));
        server.stubFor(get(urlPathEqualTo("/devices/")).atPriority(10).withQueryParam("projection", equalTo("_tags"))
                .willReturn(array("{\"_id\":\"" + DEVICE + "\",\"_tags\":[]}")));
    }

    /** After the router ran an addObject, its table holds the new row. */
    void addObjectMovesTo(String state) {
        server.stubFor(task("addObject").inScenario("router").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(taskAnswer(200, "addObject", "done-addObject")).willSetStateTo(state));
    }

    private static ResponseDefinitionBuilder taskAnswer(int status, String name, String id) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"" + name + "\",\"device\":\"" + DEVICE + "\",\"timestamp\":\"2025-01-15T10:00:00.000Z\","
                        + "\"_id\":\"" + id + "\"}");
    }

    private static ResponseDefinitionBuilder array(String items) {
        int total = items.isEmpty() ? 0 : 1;
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("total", String.valueOf(total)).withBody("[\n" + items + "\n]");
    }

    private static String leaf(String name, String value, String type) {
        return "\"" + name + "\":{\"_value\":" + value + ",\"_type\":\"" + type
                + "\",\"_timestamp\":\"2025-01-15T10:00:00.000Z\",\"_writable\":true}";
    }
}
