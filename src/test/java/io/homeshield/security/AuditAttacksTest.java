package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditBreak;
import io.homeshield.audit.AuditHeadPublisher;
import io.homeshield.audit.AuditKeys;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.audit.AuditReport;
import io.homeshield.audit.AuditSealer;
import io.homeshield.audit.AuditVerifyCommand;
import io.homeshield.audit.PublishedHead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Someone with write access to the database, but not the audit key, tampers with the audit log. Each
 * attack runs in a transaction that is rolled back after the offline check has looked at it, so the
 * log other tests see is never changed.
 */
@QuarkusTest
@TestSecurity(user = "audit-attacks-root", roles = "admin")
class AuditAttacksTest {

    private static final String GENESIS = "0".repeat(64);

    @Inject
    AuditLog log;

    @Inject
    AuditSealer sealer;

    @Inject
    AuditHeadPublisher publisher;

    @Inject
    AuditKeys keys;

    @Inject
    DataSource dataSource;

    @Test
    void anAlteredFieldIsFound() throws Exception {
        List<Long> ids = append("altered", 3);
        PublishedHead head = publisher.publish();

        AuditReport report = tampered(head, keys, c -> sql(c, "update audit_entry set reason = 'routine' where id = "
                + ids.get(1)));

        assertBreak(report, AuditBreak.Kind.ALTERED, ids.get(1));
    }

    @Test
    void anEntryResealedWithPlainSha256WithoutTheKeyIsFound() throws Exception {
        List<Long> ids = append("resealed", 3);
        PublishedHead head = publisher.publish();

        // the attacker changes the outcome and recomputes the hashes from the victim to the head, as a
        // plain SHA-256 over the old form, the best that can be done without the key
        AuditReport report = tampered(null, keys, c -> {
            sql(c, "update audit_entry set outcome = 'refused' where id = " + ids.get(1));
            rechainAsLegacyFrom(c, position(c, ids.get(1)));
        });
        AuditReport againstHead = tampered(head, keys, c -> {
            sql(c, "update audit_entry set outcome = 'refused' where id = " + ids.get(1));
            rechainAsLegacyFrom(c, position(c, ids.get(1)));
        });

        assertBreak(report, AuditBreak.Kind.UNKNOWN_KEY, ids.get(1));
        assertBreak(againstHead, AuditBreak.Kind.UNKNOWN_KEY, ids.get(1));
    }

    @Test
    void anEntryResealedUnderItsOwnKeyIdWithoutTheKeyIsFound() throws Exception {
        List<Long> ids = append("keyless", 2);

        AuditReport report = tampered(null, keys, c -> sql(c, "update audit_entry set outcome = 'refused', hash = '"
                + sha256("forged") + "' where id = " + ids.get(0)));

        assertBreak(report, AuditBreak.Kind.ALTERED, ids.get(0));
    }

    @Test
    void theWholeChainRewrittenConsistentlyIsFoundAgainstThePublishedHead() throws Exception {
        append("rewritten-whole", 2);
        PublishedHead head = publisher.publish();
        SqlWork rewriteAll = c -> {
            sql(c, "update audit_entry set reason = 'nothing happened' where id = (select max(id) from audit_entry"
                    + " where chain_position is not null)");
            // from the first entry retention kept, as far as a writer without the key can go
            rechainAsLegacyFrom(c, single(c, "select min(chain_position) from audit_entry"));
        };

        AuditReport fromTheDatabaseAlone = tampered(null, keys, rewriteAll);
        AuditReport againstTheHead = tampered(head, keys, rewriteAll);

        // the database alone cannot tell a chain rewritten whole from one written so: the published head can
        assertTrue(fromTheDatabaseAlone.intact(), fromTheDatabaseAlone.toString());
        assertFalse(againstTheHead.intact());
        assertTrue(againstTheHead.breaks().stream().anyMatch(b -> b.kind() == AuditBreak.Kind.NOT_AS_PUBLISHED
                || b.kind() == AuditBreak.Kind.UNKNOWN_KEY), againstTheHead.toString());
    }

    @Test
    void aDeletedEntryIsFound() throws Exception {
        List<Long> ids = append("deleted", 3);
        PublishedHead head = publisher.publish();

        AuditReport report = tampered(head, keys, c -> sql(c, "delete from audit_entry where id = " + ids.get(1)));

        assertBreak(report, AuditBreak.Kind.MISSING, ids.get(2));
    }

    @Test
    void aTruncatedTailWithTheHeadRewrittenIsFoundAgainstThePublishedHead() throws Exception {
        List<Long> ids = append("truncated", 3);
        PublishedHead head = publisher.publish();
        SqlWork truncate = c -> {
            long keep = position(c, ids.get(0));
            sql(c, "delete from audit_entry where chain_position > " + keep);
            sql(c, "update audit_chain_head set last_position = " + keep + ", last_hash = (select hash from audit_entry"
                    + " where chain_position = " + keep + ") where id = 1");
        };

        AuditReport fromTheDatabaseAlone = tampered(null, keys, truncate);
        AuditReport againstTheHead = tampered(head, keys, truncate);

        assertTrue(fromTheDatabaseAlone.intact(), "the head row was rewritten to match");
        assertEquals(1, againstTheHead.breaks().size(), againstTheHead.toString());
        assertEquals(AuditBreak.Kind.NOT_AS_PUBLISHED, againstTheHead.breaks().get(0).kind());
        assertTrue(againstTheHead.breaks().get(0).problem().contains("newest entries were removed"));
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        List<Long> ids = append("reordered", 3);
        PublishedHead head = publisher.publish();

        AuditReport report = tampered(head, keys, c -> {
            long first = position(c, ids.get(0));
            long second = position(c, ids.get(1));
            sql(c, "update audit_entry set chain_position = -1 where id = " + ids.get(0));
            sql(c, "update audit_entry set chain_position = " + first + " where id = " + ids.get(1));
            sql(c, "update audit_entry set chain_position = " + second + " where id = " + ids.get(0));
        });

        assertBreak(report, AuditBreak.Kind.ALTERED, ids.get(0));
        assertBreak(report, AuditBreak.Kind.ALTERED, ids.get(1));
    }

    @Test
    void anEntryCopiedToTheEndWithItsSealIsFound() throws Exception {
        List<Long> ids = append("replayed", 1);

        AuditReport report = tampered(null, keys, c -> {
            long last = lastPosition(c);
            String lastHash = hashAt(c, last);
            sql(c, "insert into audit_entry (id, occurred_at, actor, actor_role, household_id, action, target, reason,"
                    + " outcome, previous_hash, hash, chain_position, key_id) select 900000000 + id, occurred_at, "
                            + "actor,"
                    + " actor_role, household_id, action, target, reason, outcome, '" + lastHash + "', hash, "
                            + (last + 1)
                    + ", key_id from audit_entry where id = " + ids.get(0));
            sql(c, "update audit_chain_head set last_position = " + (last + 1) + ", last_hash = (select hash from"
                    + " audit_entry where id = " + ids.get(0) + ") where id = 1");
        });

        assertBreak(report, AuditBreak.Kind.ALTERED, 900_000_000L + ids.get(0));
    }

    @Test
    void aForgedKeyIdIsFound() throws Exception {
        List<Long> ids = append("forged-key", 2);

        AuditReport report = tampered(null, keys, c -> sql(c, "update audit_entry set key_id = 'attacker-1', hash = '"
                + hmac("an-attackers-own-key-0123456789abcdef", "whatever") + "' where id = " + ids.get(0)));

        assertBreak(report, AuditBreak.Kind.UNKNOWN_KEY, ids.get(0));
    }

    @Test
    void anEntryClaimingARetiredKeyItWasNotSealedWithIsFound() throws Exception {
        List<Long> ids = append("retired-claim", 2);
        AuditKeys withRetired = new AuditKeys(keys.currentId(), currentKey(), List.of("test-0=an-old-audit-key-"
                + "0123456789abcdef"));

        AuditReport report = tampered(null, withRetired, c -> sql(c, "update audit_entry set key_id = 'test-0'"
                + " where id = " + ids.get(0)));

        assertBreak(report, AuditBreak.Kind.ALTERED, ids.get(0));
    }

    @Test
    void textShiftedAcrossAFieldBoundaryIsFound() throws Exception {
        Long id = QuarkusTransaction.requiringNew().call(()
                -> log.append(new AuditRecord("audit-attacks-sam", "support",
                UUID.randomUUID(), "device.quarantine", "camera", "ticket\u001f4711", "requested")).id);
        sealer.seal();

        // with fields joined by a separator the two forms would be one; length-prefixed they are not
        AuditReport report = tampered(null, keys, c -> sql(c, "update audit_entry set target = 'camera' || chr(31)"
                + " || 'ticket', reason = '4711' where id = " + id));

        assertEquals(String.join("\u001f", "camera", "ticket\u001f4711"), String.join("\u001f", "camera\u001fticket",
                "4711"));
        assertBreak(report, AuditBreak.Kind.ALTERED, id);
    }

    @Test
    void aForgedPublishedHeadCannotVouchForAnything() throws Exception {
        append("forged-head", 1);
        PublishedHead head = publisher.publish();
        PublishedHead moved = new PublishedHead(head.position() - 1, head.hash(), head.legacyUntil(), head.at(),
                head.keyId(), head.signature());

        AuditReport report = tampered(moved, keys, c -> { });

        assertEquals(AuditBreak.Kind.NOT_AS_PUBLISHED, report.breaks().get(0).kind());
        assertTrue(report.breaks().get(0).problem().contains("not signed"));
        given().accept("application/json").queryParam("head", moved.line()).get("/admin/audit/verify").then()
                .statusCode(200).body("intact", equalTo(false));
        given().accept("application/json").queryParam("head", "INFO audit " + head.line()).get("/admin/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true)).body("publishedHead.position",
                        equalTo((int) head.position()));
        // a staff page: the refusal is the friendly error page, naming the field
        given().accept("application/json").queryParam("head", "homeshield-audit-head v1 position=x")
                .get("/admin/audit/verify").then().statusCode(400).body(containsString("head"));
    }

    @Test
    void afterTheKeyIsRotatedOldEntriesAndHeadsStillCheck() throws Exception {
        append("rotation", 2);
        PublishedHead head = publisher.publish();
        AuditKeys rotated = new AuditKeys("test-2", "the-next-audit-key-fedcba9876543210",
                List.of(keys.currentId() + "=" + currentKey()));
        AuditKeys oldKeyLost = new AuditKeys("test-2", "the-next-audit-key-fedcba9876543210", List.of());

        AuditReport withRetiredKey = tampered(head, rotated, c -> { });
        AuditReport withoutIt = tampered(head, oldKeyLost, c -> { });

        assertTrue(withRetiredKey.intact(), withRetiredKey.toString());
        assertTrue(withoutIt.breaks().stream().anyMatch(b -> b.kind() == AuditBreak.Kind.UNKNOWN_KEY
                || b.kind() == AuditBreak.Kind.NOT_AS_PUBLISHED), "a lost key cannot vouch for what it sealed");
    }

    @Test
    void anUntouchedLogIsIntactAgainstItsPublishedHead() throws Exception {
        append("untouched", 2);
        PublishedHead head = publisher.publish();

        AuditReport report = tampered(head, keys, c -> { });

        assertTrue(report.intact(), report.toString());
        assertEquals(head, PublishedHead.parse(head.line()));
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws Exception;
    }

    /** Runs the attack and the offline check in one transaction, then rolls both back. */
    private AuditReport tampered(PublishedHead head, AuditKeys withKeys, SqlWork attack) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                attack.run(c);
                return AuditVerifyCommand.verify(c, withKeys, head);
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        }
    }

    /** Appends and seals entries, as moments after the acts they record. */
    private List<Long> append(String what, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = what + "-" + i;
            ids.add(QuarkusTransaction.requiringNew().call(() -> log.append(new AuditRecord("audit-attacks-sam",
                    "support", UUID.randomUUID(), "device.quarantine", target, "why: " + target, "requested")).id));
        }
        sealer.seal();
        return ids;
    }

    /**
     * What an attacker without the key can do best: recompute every hash from {@code fromPosition} on as
     * the plain SHA-256 of the form used before the chain was keyed, and the chain head to match.
     */
    private static void rechainAsLegacyFrom(Connection c, long fromPosition) throws SQLException {
        String previous = fromPosition == 1 ? GENESIS : hashAt(c, fromPosition - 1);
        List<Object[]> updates = new ArrayList<>();
        long last = fromPosition - 1;
        try (PreparedStatement read = c.prepareStatement("select id, occurred_at, actor, actor_role, household_id,"
                + " action, target, reason, outcome, chain_position from audit_entry where chain_position >= ?"
                + " order by chain_position")) {
            read.setLong(1, fromPosition);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String hash = sha256(String.join("\u001f", previous,
                            rs.getObject(2, OffsetDateTime.class).toInstant().toString(), rs.getString(3),
                            rs.getString(4), String.valueOf(rs.getObject(5)), rs.getString(6),
                            String.valueOf(rs.getString(7)), String.valueOf(rs.getString(8)), rs.getString(9)));
                    updates.add(new Object[] { previous, hash, rs.getLong(1) });
                    previous = hash;
                    last = rs.getLong(10);
                }
            }
        }
        try (PreparedStatement write = c.prepareStatement(
                "update audit_entry set previous_hash = ?, hash = ?, key_id = null, redacted_at = null,"
                        + " redaction_key_id = null, redaction_seal = null where id = ?")) {
            for (Object[] u : updates) {
                write.setString(1, (String) u[0]);
                write.setString(2, (String) u[1]);
                write.setLong(3, (Long) u[2]);
                write.addBatch();
            }
            write.executeBatch();
        }
        sql(c, "update audit_chain_head set last_hash = '" + previous + "', last_position = " + last + " where id = 1");
    }

    private static long position(Connection c, long id) throws SQLException {
        return single(c, "select chain_position from audit_entry where id = " + id);
    }

    private static long lastPosition(Connection c) throws SQLException {
        return single(c, "select max(chain_position) from audit_entry");
    }

    /** The entry's seal at that place, or the retention checkpoint's where the entry was removed. */
    private static String hashAt(Connection c, long position) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select hash from audit_entry where chain_position = " + position
                        + " union all select hash from audit_anchor where chain_position = " + position)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static void assertBreak(AuditReport report, AuditBreak.Kind kind, Long entryId) {
        assertFalse(report.intact(), "tampering went unnoticed");
        assertTrue(report.breaks().stream().anyMatch(b -> b.kind() == kind && entryId.equals(b.entryId())),
                kind + " at entry " + entryId + " in " + report.breaks());
    }

    private static String currentKey() {
        return ConfigProvider.getConfig().getValue("homeshield.audit.key", String.class);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
