package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.net.DomainName;

/**
 * Reads the network indicators of a STIX 2.1 bundle: {@code indicator} objects whose pattern is
 * one or more equality comparisons on {@code domain-name}, {@code ipv4-addr}, {@code ipv6-addr}
 * (an address or a CIDR range) or {@code url} values, joined by {@code OR}. Each holds from
 * {@code valid_from} until {@code valid_until}; revoked indicators are left out. Patterns that need
 * more than a destination to match ({@code AND}, file hashes, ports) are not host indicators and
 * are passed over.
 */
final class StixBundleFeed implements FeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_A_BUNDLE = "not a STIX bundle (expected an object of type 'bundle')";
    private static final Pattern COMPARISON = Pattern
            .compile("([a-z0-9-]+):value\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern JOINERS = Pattern.compile("[\\s\\[\\]()]|\\bOR\\b");

    /**
     * Reads the bundle as a stream: one object of {@code objects} at a time is held in memory, never
     * the whole bundle, so a bundle of any size the download limit allows is read in little memory.
     */
    @Override
    public void read(BufferedReader in, FeedIndicators.Builder into) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFeedException(NOT_A_BUNDLE);
            }
            String type = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                } else if ("objects".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MalformedFeedException("the bundle's 'objects' is not a list");
                    }
                    if (type != null && !"bundle".equals(type)) {
                        throw new MalformedFeedException(NOT_A_BUNDLE);
                    }
                    readObjects(parser, into);
                } else {
                    parser.skipChildren();
                }
            }
            if (!"bundle".equals(type)) {
                throw new MalformedFeedException(NOT_A_BUNDLE);
            }
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new MalformedFeedException("not a JSON document (" + line + e.getOriginalMessage() + ")");
        }
    }

    private static void readObjects(JsonParser parser, FeedIndicators.Builder into) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new MalformedFeedException("not a JSON document (the bundle ends inside 'objects')");
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            JsonNode object = JSON.readTree(parser);
            if ("indicator".equals(object.path("type").asText()) && !object.path("revoked").asBoolean(false)) {
                readIndicator(object, into);
            }
        }
    }

    private static void readIndicator(JsonNode indicator, FeedIndicators.Builder into) {
        String where = "indicator " + indicator.path("id").asText("without id");
        String patternType = indicator.path("pattern_type").asText("stix");
        if (!"stix".equals(patternType)) {
            return;
        }
        String pattern = indicator.path("pattern").asText("").strip();
        if (!pattern.startsWith("[") || !pattern.endsWith("]")) {
            into.unreadable(where, "'" + IndicatorText.abbreviate(pattern) + "' is not a STIX pattern");
            return;
        }
        Validity validity;
        try {
            validity = new Validity(instant(indicator, "valid_from"), instant(indicator, "valid_until"));
        } catch (DateTimeParseException e) {
            into.unreadable(where, "'" + e.getParsedString() + "' is not a timestamp");
            return;
        }
        List<String[]> comparisons = new ArrayList<>();
        Matcher matcher = COMPARISON.matcher(pattern);
        StringBuilder rest = new StringBuilder();
        int end = 0;
        while (matcher.find()) {
            rest.append(pattern, end, matcher.start());
            end = matcher.end();
            comparisons.add(new String[] { matcher.group(1), unescape(matcher.group(2)) });
        }
        rest.append(pattern.substring(end));
        if (comparisons.isEmpty() || !JOINERS.matcher(rest).replaceAll("").isEmpty()) {
            return;
        }
        for (String[] comparison : comparisons) {
            add(comparison[0], comparison[1], validity, into, where);
        }
    }

    private static void add(String type, String value, Validity validity, FeedIndicators.Builder into,
            String where) {
        try {
            switch (type) {
                case "domain-name" -> into.domain(DomainName.of(value), validity);
                case "ipv4-addr", "ipv6-addr" -> into.addressOrRange(value, validity);
                case "url" -> IndicatorText.addUrlHost(value, validity, into, where);
                default -> {
                    // a STIX object type that is no network destination
                }
            }
        } catch (IllegalArgumentException e) {
            into.unreadable(where, "'" + IndicatorText.abbreviate(value) + "' is not a valid " + type);
        }
    }

    private static Instant instant(JsonNode indicator, String field) {
        JsonNode value = indicator.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    private static String unescape(String quoted) {
        return quoted.replace("\\'", "'").replace("\\\\", "\\");
    }
}
