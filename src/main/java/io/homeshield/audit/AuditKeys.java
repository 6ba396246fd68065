package io.homeshield.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The keys of the audit chain: the current one seals new entries and signs published heads; retired
 * ones still check what they sealed. Keys come from the environment, never from the database, so
 * someone who can rewrite the database cannot compute a valid seal.
 */
@Singleton
public final class AuditKeys {

    static final int MIN_KEY_LENGTH = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    @Inject
    AuditKeys(AuditConfig config) {
        this(config.keyId(), config.key(), config.retiredKeys().orElse(List.of()));
    }

    /**
     * @param retired "id=key" items of keys that sealed earlier entries
     * @throws IllegalArgumentException when an id or a key is not acceptable
     */
    public AuditKeys(String currentId, String currentKey, List<String> retired) {
        Map<String, SecretKeySpec> all = new LinkedHashMap<>();
        for (String item : retired) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("homeshield.audit.retired-keys: write each as id=key");
            }
            all.put(checkedId(item.substring(0, eq).trim()), key(item.substring(eq + 1).trim()));
        }
        all.put(checkedId(currentId), key(currentKey));
        this.currentId = currentId;
        this.keys = Map.copyOf(all);
    }

    /** Reads keys as the offline check gets them: "id=key,id=key" for the retired ones. */
    public static AuditKeys fromText(String currentId, String currentKey, String retired) {
        List<String> items = retired == null || retired.isBlank() ? List.of() : List.of(retired.split(","));
        return new AuditKeys(currentId, currentKey, items);
    }

    public String currentId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of the message under the key of that id, as lower-case hex. */
    String mac(String keyId, byte[] message) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no audit key with id " + keyId);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hex digests in constant time. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String checkedId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("homeshield.audit.key-id: 1 to 32 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static SecretKeySpec key(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("homeshield.audit.key: at least " + MIN_KEY_LENGTH + " characters");
        }
        return new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
