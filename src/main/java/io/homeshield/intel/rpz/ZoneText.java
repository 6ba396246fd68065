package io.homeshield.intel.rpz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the zone file: the blocked names, each with its subdomains, answering as the policy says;
 * the allow-list's names let through. The records come first without the SOA so that their hash
 * says whether anything changed; the SOA with its serial is put in front when serving.
 */
final class ZoneText {

    private static final long EXPIRE_SECONDS = 7 * 24 * 3600;

    private final ZonePolicy policy;

    ZoneText(ZonePolicy policy) {
        this.policy = policy;
    }

    /** The records for {@code candidates}, sorted and without duplicates; invalid names skipped and counted. */
    Records records(Iterable<String> candidates) {
        Selection selection = select(candidates);
        Set<String> allowed = selection.allowed();
        TreeSet<String> blocked = selection.blocked();
        int skipped = selection.skipped();
        int allowedOut = selection.allowedOut();
        String action = policy.action();
        StringBuilder out = new StringBuilder(blocked.size() * 64 + allowed.size() * 80 + 64);
        for (String name : allowed) {
            out.append(name).append(" CNAME rpz-passthru.\n");
            out.append("*.").append(name).append(" CNAME rpz-passthru.\n");
        }
        for (String name : blocked) {
            out.append(name).append(' ').append(action).append('\n');
            out.append("*.").append(name).append(' ').append(action).append('\n');
        }
        byte[] body = out.toString().getBytes(StandardCharsets.US_ASCII);
        return new Records(body, sha256(body), blocked.size(), skipped, allowedOut);
    }

    /** The names the zone blocks and lets through for {@code candidates}, as {@link #records} writes them. */
    BlockedNames names(Iterable<String> candidates) {
        Selection selection = select(candidates);
        return new BlockedNames(selection.blocked(), selection.allowed());
    }

    private Selection select(Iterable<String> candidates) {
        String zone = policy.zoneName();
        TreeSet<String> allowed = new TreeSet<>();
        for (String name : policy.allowList()) {
            String checked = PolicyName.checked(name, zone);
            if (checked != null) {
                allowed.add(checked);
            }
        }
        TreeSet<String> blocked = new TreeSet<>();
        int skipped = 0;
        int allowedOut = 0;
        for (String candidate : candidates) {
            String name = PolicyName.checked(candidate, zone);
            if (name == null) {
                skipped++;
            } else if (!allowed.isEmpty() && isAllowed(name, allowed)) {
                allowedOut++;
            } else {
                blocked.add(name);
            }
        }
        return new Selection(allowed, blocked, skipped, allowedOut);
    }

    private record Selection(TreeSet<String> allowed, TreeSet<String> blocked, int skipped, int allowedOut) {
    }

    /** The whole zone file: origin, TTL, SOA with {@code serial}, NS, then the records. */
    byte[] zoneFile(long serial, Records records) {
        long refresh = policy.refreshSeconds();
        String head = "$ORIGIN " + policy.zoneName() + ".\n"
                + "$TTL " + policy.ttlSeconds() + "\n"
                + "@ SOA localhost. hostmaster.localhost. " + serial + " " + refresh + " "
                + Math.max(1, refresh / 5) + " " + Math.max(EXPIRE_SECONDS, refresh * 2) + " " + policy.ttlSeconds()
                + "\n"
                + "@ NS localhost.\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[headBytes.length + records.body().length];
        System.arraycopy(headBytes, 0, file, 0, headBytes.length);
        System.arraycopy(records.body(), 0, file, headBytes.length, records.body().length);
        return file;
    }

    private static boolean isAllowed(String name, Set<String> allowed) {
        String suffix = name;
        while (true) {
            if (allowed.contains(suffix)) {
                return true;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return false;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    private String sha256(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body);
            // the SOA timers are part of what resolvers receive, so a change of them is a new version
            digest.update((policy.refreshSeconds() + "/" + policy.ttlSeconds()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zone's records without SOA, their hash, and what was left out. */
    record Records(byte[] body, String hash, int names, int skipped, int allowed) {
    }
}
