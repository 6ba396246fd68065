package io.homeshield.fleet.forensics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.homeshield.fleet.ParameterPaths;

/**
 * A snapshot's settings as facts: the parameter with its instance numbers as {@code {i}} and its value,
 * so "a second user account named support" on one router is the same fact as on another router where
 * the account is the third. Each fact is keyed by a hash of both, which the fleet norm counts.
 */
final class EvidenceFacts {

    static final int MAX_TEXT = 300;

    private EvidenceFacts() {
    }

    record Fact(String key, String value) {
        String hash() {
            return EvidenceFacts.sha256(key + "\u0000" + value);
        }
    }

    /** Distinct facts by hash, in the snapshot's order. */
    static Map<String, Fact> of(Map<String, String> parameters) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        parameters.forEach((path, value) -> {
            Fact fact = new Fact(cut(ParameterPaths.pattern(path)), cut(value));
            facts.putIfAbsent(fact.hash(), fact);
        });
        return facts;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
