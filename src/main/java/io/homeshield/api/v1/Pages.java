package io.homeshield.api.v1;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
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

    /**
     * Where a newest-first list (by a time, then id) continues: after the item at {@code at} with
     * {@code id}. Its cursor is the opaque form of {@link #newestFirst(Instant, Object)}.
     */
    record TimePosition(Instant at, UUID id) {

        /** The position the request's cursor names, or null on the first page. */
        static TimePosition after(PageRequest request) {
            String key = request.after();
            if (key == null) {
                return null;
            }
            int slash = key.indexOf('/');
            try {
                long micros = Long.MAX_VALUE - Long.parseLong(key.substring(0, Math.max(slash, 0)));
                return new TimePosition(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L), UUID.fromString(key.substring(slash + 1)));
            } catch (RuntimeException e) {
                throw notOurs();
            }
        }
    }

    /** Where a list ordered by a (lower-case) name, then id, continues. */
    record NamePosition(String name, UUID id) {

        static final char SEPARATOR = '\u0000';

        static NamePosition after(PageRequest request) {
            String key = request.after();
            if (key == null) {
                return null;
            }
            int separator = key.lastIndexOf(SEPARATOR);
            try {
                return new NamePosition(key.substring(0, separator), UUID.fromString(key.substring(separator + 1)));
            } catch (RuntimeException e) {
                throw notOurs();
            }
        }

        static String key(String name, UUID id) {
            return name + SEPARATOR + id;
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

    /**
     * The page from {@code fetched}, which the caller read from the database in order, after the
     * cursor's position, with one item more than the limit (keyset pagination: only a page is read).
     */
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
            throw notOurs();
        }
    }

    private static ProblemException notOurs() {
        return ProblemException.invalid("cursor", "is not a cursor this API gave out; start from the first page");
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
