package io.homeshield.api.v1;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.homeshield.infra.problem.ProblemException;

/**
 * Cursor pagination of the API's lists. A list is ordered by a sort key per item (unique, e.g. a
 * time and the id); the cursor is the opaque form of the last key returned, and the next page holds
 * the items after it. A page that is followed by more says so with {@code Link: <…>; rel="next"}.
 */
final class Pages {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Pages() {
    }

    /** Where a page starts and how long it may be, from the {@code cursor} and {@code limit} query parameters. */
    record PageRequest(String after, int limit) {

        static PageRequest of(String cursor, String limit) {
            return new PageRequest(decode(cursor), parseLimit(limit));
        }
    }

    /** One page of a list, and the cursor of the next page (null on the last). */
    record Page<T>(List<T> items, String next) {

        <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), next);
        }
    }

    /** The page of {@code items} (in any order) after the request's cursor, ordered by {@code sortKey}. */
    static <T> Page<T> of(List<T> items, Function<T, String> sortKey, PageRequest request) {
        List<T> after = items.stream()
                .filter(item -> request.after() == null || sortKey.apply(item).compareTo(request.after()) > 0)
                .sorted(Comparator.comparing(sortKey))
                .limit(request.limit() + 1L)
                .toList();
        return cut(after, sortKey, request.limit());
    }

    /** The page from {@code fetched}, which the caller read in order with one item more than the limit. */
    static <T> Page<T> cut(List<T> fetched, Function<T, String> sortKey, int limit) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(page, encode(sortKey.apply(page.get(limit - 1))));
    }

    /** The page as a 200 answer with the link to the next page. */
    static Response answer(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder ok = Response.ok(page.items());
        if (page.next() != null) {
            ok.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build()
                    + ">; rel=\"next\"");
        }
        return ok.build();
    }

    /** A sort key for newest-first lists: later instants give smaller keys. */
    static String newestFirst(Instant at, Object id) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return String.format("%019d/%s", Long.MAX_VALUE - micros, id);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out; start from the first page");
        }
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
