package io.homeshield.routers.genieacs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;

/**
 * The GenieACS northbound interface as HomeShield uses it: tasks with a connection request, device
 * documents, faults, pending tasks, tags, provisions and presets. Every call has a timeout; transport
 * failures and unexpected answers become {@link RouterControlException}s in plain words.
 */
class GenieAcsNbi {

    /** GenieACS waits this long for the device's session lock before it queues a task instead. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final GenieAcsConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;

    GenieAcsNbi(GenieAcsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        String url = config.nbiUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Posts a task and asks the ACS to wake the router for it. 200 means the router ran it; 202 means
     * it is queued or faulted, told apart by the task's fault: a fault is cleared (so the channel is free
     * for the next attempt) and thrown with its code and message.
     */
    TaskOutcome runTask(String deviceId, ObjectNode task) throws RouterControlException {
        task.put("expiry", config.queuedTaskExpiry().toSeconds());
        long waitMillis = config.connectionRequestTimeout().toMillis();
        HttpRequest request = request("/devices/" + encode(deviceId) + "/tasks?connection_request&timeout="
                + waitMillis,
                LOCK_WAIT.plus(config.connectionRequestTimeout()).plus(config.sessionTimeout()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(task)))
                .build();
        HttpResponse<String> response = send(request);
        switch (response.statusCode()) {
            case 200:
                return TaskOutcome.DONE;
            case 202:
                JsonNode queued = read(response.body());
                String taskId = queued.path("_id").asText("");
                Optional<AcsFault> fault = taskId.isEmpty() ? Optional.empty() : fault(deviceId + ":task_" + taskId);
                if (fault.isPresent()) {
                    deleteFault(fault.get().id());
                    throw fault.get().toException();
                }
                return informedSince(deviceId, queued.path("timestamp").asText("")) ? TaskOutcome.RUNNING
                        : TaskOutcome.QUEUED;
            case 404:
                throw unknownDevice();
            default:
                throw unexpected(response);
        }
    }

    /**
     * Whether the router started a session after the task was stored: GenieACS stamps both the task and
     * the device's last inform with its own clock.
     */
    private boolean informedSince(String deviceId, String taskTimestamp) throws RouterControlException {
        String lastInform = device(deviceId, "_lastInform").path("_lastInform").asText("");
        try {
            return !taskTimestamp.isEmpty() && !lastInform.isEmpty()
                    && !Instant.parse(lastInform).isBefore(Instant.parse(taskTimestamp));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The device's document limited to {@code projection}; an unknown device is refused for good. */
    JsonNode device(String deviceId, String projection) throws RouterControlException {
        ObjectNode query = json.createObjectNode().put("_id", deviceId);
        JsonNode found = get("/devices/?query=" + encode(write(query)) + "&projection=" + encode(projection));
        if (!found.isArray() || found.isEmpty()) {
            throw unknownDevice();
        }
        return found.get(0);
    }

    /** The documents of several devices at once, each limited to {@code projection} (plus its {@code _id}). */
    JsonNode devices(List<String> deviceIds, String projection) throws RouterControlException {
        ObjectNode query = json.createObjectNode();
        deviceIds.forEach(query.putObject("_id").putArray("$in")::add);
        return get("/devices/?query=" + encode(write(query)) + "&projection=" + encode("_id," + projection));
    }

    Optional<AcsFault> fault(String faultId) throws RouterControlException {
        ObjectNode query = json.createObjectNode().put("_id", faultId);
        JsonNode found = get("/faults/?query=" + encode(write(query)));
        if (!found.isArray() || found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode fault = found.get(0);
        return Optional.of(new AcsFault(fault.path("_id").asText(faultId), fault.path("code").asText("unknown"),
                fault.path("message").asText("")));
    }

    void deleteFault(String faultId) throws RouterControlException {
        expectOk(sendUnlessInSession(request("/faults/" + encode(faultId), config.requestTimeout()).DELETE().build()));
    }

    /** Tasks still waiting in the ACS for the device, as {@code [_id, uniqueKey]} pairs. */
    List<PendingTask> pendingTasks(String deviceId) throws RouterControlException {
        ObjectNode query = json.createObjectNode().put("device", deviceId);
        JsonNode found = get("/tasks/?query=" + encode(write(query)) + "&projection=_id,uniqueKey,name");
        List<PendingTask> tasks = new ArrayList<>();
        for (JsonNode task : found) {
            tasks.add(new PendingTask(task.path("_id").asText(), task.path("uniqueKey").asText("")));
        }
        return tasks;
    }

    void deleteTask(String taskId) throws RouterControlException {
        HttpResponse<String> response = sendUnlessInSession(request("/tasks/" + encode(taskId), config.requestTimeout())
                .DELETE().build());
        if (response.statusCode() != 404) {
            expectOk(response);
        }
    }

    void addTag(String deviceId, String tag) throws RouterControlException {
        expectOk(sendUnlessInSession(request("/devices/" + encode(deviceId) + "/tags/" + encode(tag),
                config.requestTimeout()).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    void removeTag(String deviceId, String tag) throws RouterControlException {
        expectOk(sendUnlessInSession(request("/devices/" + encode(deviceId) + "/tags/" + encode(tag),
                config.requestTimeout()).DELETE().build()));
    }

    /** Whether the ACS's collection ({@code presets}, {@code provisions}, ...) holds a document with this id. */
    boolean exists(String collection, String id) throws RouterControlException {
        ObjectNode query = json.createObjectNode().put("_id", id);
        JsonNode found = get("/" + collection + "/?query=" + encode(write(query)) + "&projection=_id");
        return found.isArray() && !found.isEmpty();
    }

    void putProvision(String name, String script) throws RouterControlException {
        expectOk(send(request("/provisions/" + encode(name), config.requestTimeout())
                .PUT(HttpRequest.BodyPublishers.ofString(script)).build()));
    }

    void putPreset(String name, ObjectNode preset) throws RouterControlException {
        expectOk(send(request("/presets/" + encode(name), config.requestTimeout())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(preset))).build()));
    }

    ObjectNode newTask(String name) {
        return json.createObjectNode().put("name", name);
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    record PendingTask(String id, String uniqueKey) {
    }

    private JsonNode get(String pathAndQuery) throws RouterControlException {
        HttpResponse<String> response = send(request(pathAndQuery, config.requestTimeout()).GET().build());
        expectOk(response);
        return read(response.body());
    }

    private HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
        if (config.username().isPresent()) {
            String pair = config.username().get() + ":" + config.password().orElse("");
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    /**
     * Sends a call GenieACS refuses with 503 "Device is in session" while the router's session holds the
     * device's lock (fault and task deletion, tags), trying again after a pause until the session is over.
     */
    private HttpResponse<String> sendUnlessInSession(HttpRequest request) throws RouterControlException {
        HttpResponse<String> response = send(request);
        for (int retry = 0; retry < config.busyRetries() && inSession(response); retry++) {
            pause(config.busyRetryPause());
            response = send(request);
        }
        if (inSession(response)) {
            throw new RouterControlException("The router is busy in a long session with the provider's management "
                    + "system (ACS); HomeShield will try again.", true);
        }
        return response;
    }

    private static boolean inSession(HttpResponse<String> response) {
        return response.statusCode() == 503 && response.body() != null && response.body().contains("in session");
    }

    private static void pause(Duration pause) throws RouterControlException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterControlException("HomeShield stopped before the router management system answered.", true,
                    e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws RouterControlException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RouterControlException("The provider's router management system (ACS) took too long to answer; "
                    + "HomeShield will try again.", true, e);
        } catch (ConnectException e) {
            throw new RouterControlException("The provider's router management system (ACS) did not answer; "
                    + "HomeShield will try again.", true, e);
        } catch (IOException e) {
            throw new RouterControlException("The connection to the provider's router management system (ACS) "
                    + "broke off; HomeShield will try again.", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterControlException("HomeShield stopped before the router management system answered.", true,
                    e);
        }
    }

    private void expectOk(HttpResponse<String> response) throws RouterControlException {
        if (response.statusCode() / 100 != 2) {
            throw unexpected(response);
        }
    }

    private static RouterControlException unexpected(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return new RouterControlException("The provider's router management system (ACS) refused HomeShield's "
                    + "credentials; the provider must check them.", false);
        }
        if (status >= 500) {
            return new RouterControlException("The provider's router management system (ACS) reported an error "
                    + "(HTTP " + status + "); HomeShield will try again.", true);
        }
        return new RouterControlException("The provider's router management system (ACS) rejected the request "
                + "(HTTP " + status + ").", false);
    }

    private static RouterControlException unknownDevice() {
        return new RouterControlException("The provider's router management system (ACS) does not know this router; "
                + "its registration in HomeShield may name the wrong ACS device.", false);
    }

    private JsonNode read(String body) throws RouterControlException {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new RouterControlException("The provider's router management system (ACS) sent an answer "
                    + "HomeShield cannot read.", true, e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
