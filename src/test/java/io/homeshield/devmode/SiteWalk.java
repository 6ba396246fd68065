package io.homeshield.devmode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks the application as one signed-in person: every GET route without parameters, every link
 * ({@code href}) its pages show, every redirect within the application, and each route with one
 * parameter for the ids the API's lists answered (a device's id opens {@code /portal/devices/{id}}
 * and {@code /api/v1/devices/{id}}). Pages of one shape (the same route, other ids or queries) are
 * visited a few times, not for every household; searches and filters ({@link GetForms}) for each
 * value tried. Event streams are opened and closed.
 */
final class SiteWalk {

    /** One request and its answer. */
    record Visit(String user, String url, int status, String foundOn, String excerpt) {

        boolean serverError() {
            return status >= 500;
        }

        @Override
        public String toString() {
            return user + " GET " + url + " → " + status + " (linked from " + foundOn + ")"
                    + (excerpt.isEmpty() ? "" : ": " + excerpt);
        }
    }

    private static final int VISITS_PER_SHAPE = 3;
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+)$");
    /** Not pages: sign-out ends the session, the language switch only sets a cookie, assets are files. */
    private static final List<String> NOT_WALKED = List.of("/logout", "/language/", "/assets/", "/css/", "/js/",
            "/img/", "/q/", "/favicon.ico");

    private final URI base;
    private final String user;
    private final String token;
    private final GetRoutes routes;
    private final GetForms forms;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    private final ArrayDeque<String[]> queue = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> shapes = new HashMap<>();
    private final Map<String, Set<String>> idsByCollection = new HashMap<>();
    private final List<Visit> visits = new ArrayList<>();

    SiteWalk(URI base, String user, String token, GetRoutes routes, GetForms forms) {
        this.base = base;
        this.user = user;
        this.token = token;
        this.routes = routes;
        this.forms = forms;
    }

    /** {@code alsoVisit}: addresses no page links to, such as an API search and its query. */
    List<Visit> walk(List<String> alsoVisit) {
        routes.routes().stream().filter(r -> !r.hasParameters()).forEach(r -> offer(r.template(), "(route)"));
        alsoVisit.forEach(url -> offer(url, "(given)"));
        while (!queue.isEmpty()) {
            while (!queue.isEmpty()) {
                String[] next = queue.poll();
                visit(next[0], next[1]);
            }
            fillRouteParameters();
        }
        return List.copyOf(visits);
    }

    private void fillRouteParameters() {
        for (GetRoutes.Route route : routes.routes()) {
            if (route.singleParameter().isEmpty()) {
                continue;
            }
            for (String id : idsByCollection.getOrDefault(route.collection(), Set.of())) {
                offer(route.fill(id), "(ids of " + route.collection() + ")");
            }
        }
    }

    private void offer(String url, String foundOn) {
        if (NOT_WALKED.stream().anyMatch(url::startsWith) || seen.contains(url)) {
            return;
        }
        if (shapes.merge(shape(url), 1, Integer::sum) <= VISITS_PER_SHAPE) {
            seen.add(url);
            queue.add(new String[] { url, foundOn });
        }
    }

    /** A search or filter is walked for each value tried, whatever the shape's count. */
    private void offerSubmission(String url, String foundOn) {
        if (seen.add(url)) {
            queue.add(new String[] { url, foundOn });
        }
    }

    private void visit(String url, String foundOn) {
        boolean api = url.startsWith("/api/");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", api ? "application/json, */*;q=0.5" : "text/html, */*;q=0.5")
                .GET().build();
        HttpResponse<InputStream> response;
        String type;
        String body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                boolean stream = type.startsWith("text/event-stream");
                body = stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(user + " GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        visits.add(new Visit(user, url, status, foundOn, status >= 500 ? excerpt(body) : ""));
        if (status >= 300 && status < 400) {
            response.headers().firstValue("Location").flatMap(this::withinApplication).ifPresent(to -> offer(to, url));
        } else if (status == 200 && type.startsWith("text/html")) {
            Matcher links = HREF.matcher(body);
            while (links.find()) {
                withinApplication(links.group(1).replace("&amp;", "&"), url).ifPresent(to -> offer(to, url));
            }
            for (String submission : forms.submissions(body, url)) {
                withinApplication(submission, url).ifPresent(to -> offerSubmission(to, url + " (form)"));
            }
        } else if (status == 200 && type.startsWith("application/json")) {
            collectIds(url, body);
        }
    }

    private void collectIds(String url, String body) {
        JsonNode list;
        try {
            list = json.readTree(body);
        } catch (IOException e) {
            return;
        }
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String collection = path.substring(path.lastIndexOf('/') + 1);
        if (list == null) {
            return;
        }
        // a list of members, or one member found by a query (a household by its account number)
        for (JsonNode item : list.isArray() ? list : List.of(list)) {
            if (item.hasNonNull("id")) {
                idsByCollection.computeIfAbsent(collection, c -> new TreeSet<>()).add(item.get("id").asText());
            }
        }
    }

    private Optional<String> withinApplication(String location) {
        return withinApplication(location, "/");
    }

    private Optional<String> withinApplication(String link, String from) {
        if (link.isBlank() || link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("tel:")
                || link.startsWith("javascript:")) {
            return Optional.empty();
        }
        URI target;
        try {
            target = base.resolve(from).resolve(link);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!base.getHost().equals(target.getHost()) || base.getPort() != target.getPort()) {
            return Optional.empty();
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return Optional.of(target.getRawQuery() == null ? path : path + "?" + target.getRawQuery());
    }

    /** The route with ids blotted out and only the names of the query's parameters. */
    static String shape(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        StringBuilder shape = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                shape.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "*" : segment);
            }
        }
        if (url.contains("?")) {
            Set<String> names = new LinkedHashSet<>();
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                names.add(pair.split("=")[0]);
            }
            shape.append('?').append(new TreeSet<>(names));
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
