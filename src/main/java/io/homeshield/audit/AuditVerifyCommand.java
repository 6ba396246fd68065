package io.homeshield.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Checks the audit chain straight from the database, without starting the application: for an
 * auditor's machine or a cron job. Reads {@code HOMESHIELD_DB_URL}, {@code HOMESHIELD_DB_USER} and
 * {@code HOMESHIELD_DB_PASSWORD}, the audit keys from {@code HOMESHIELD_AUDIT_KEY_ID},
 * {@code HOMESHIELD_AUDIT_KEY} and {@code HOMESHIELD_AUDIT_RETIRED_KEYS} ("id=key,id=key"), and the
 * last published head line from the first argument or {@code HOMESHIELD_AUDIT_HEAD} (a whole log line
 * holding it will do); exits 0 when the chain is intact, 1 when it is not, 2 when the database, the
 * keys or the head cannot be read. It checks the sealed chain; the application seals entries within a
 * second of their act, so only the newest moments may not be covered yet.
 *
 * <pre>java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.homeshield.audit.AuditVerifyCommand \
 *     "homeshield-audit-head v1 position=812 hash=… legacy=0 at=… key=… sig=…"</pre>
 */
public final class AuditVerifyCommand {

    private static final int FETCH = 1000;

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("HOMESHIELD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/homeshield");
        AuditKeys keys;
        PublishedHead head;
        try {
            keys = AuditKeys.fromText(System.getenv("HOMESHIELD_AUDIT_KEY_ID"), System.getenv("HOMESHIELD_AUDIT_KEY"),
                    System.getenv("HOMESHIELD_AUDIT_RETIRED_KEYS"));
            String headLine = args.length > 0 ? args[0] : System.getenv("HOMESHIELD_AUDIT_HEAD");
            head = headLine == null || headLine.isBlank() ? null : PublishedHead.parse(headLine);
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot check the audit log: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Connection connection = DriverManager.getConnection(url,
                System.getenv().getOrDefault("HOMESHIELD_DB_USER", "homeshield"),
                System.getenv().getOrDefault("HOMESHIELD_DB_PASSWORD", "homeshield"))) {
            AuditReport report = verify(connection, keys, head);
            if (head == null) {
                System.out.println("No published head given: a chain rewritten whole cannot be ruled out.");
            }
            System.out.println(report.intact() ? "Audit log intact: " + report.entriesChecked() + " entries checked."
                    : "Audit log tampered with (" + report.entriesChecked() + " entries checked):");
            report.breaks().forEach(b -> System.out.println("  " + b.problem()));
            System.exit(report.intact() ? 0 : 1);
        } catch (SQLException e) {
            System.err.println("Could not read the audit log: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The same check as {@link AuditVerifier}, over one read-only snapshot of the database.
     *
     * @param published the head published earlier, or null
     */
    public static AuditReport verify(Connection connection, AuditKeys keys, PublishedHead published)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        if (connection.getTransactionIsolation() != Connection.TRANSACTION_REPEATABLE_READ) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try {
            AuditChainCheck check = new AuditChainCheck(AuditVerifier.MAX_REPORTED, keys, published,
                    anchor(connection));
            try (PreparedStatement entries = connection.prepareStatement("select id, occurred_at, actor, actor_role,"
                    + " household_id, action, target, reason, outcome, previous_hash, hash, chain_position, key_id,"
                    + " redacted_at, redaction_key_id, redaction_seal from audit_entry"
                    + " where chain_position is not null order by chain_position")) {
                entries.setFetchSize(FETCH);
                try (ResultSet rs = entries.executeQuery()) {
                    while (rs.next()) {
                        check.accept(entry(rs));
                    }
                }
            }
            String head;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("select last_hash from audit_chain_head where id = 1")) {
                rs.next();
                head = rs.getString(1);
            }
            return check.finish(head, Instant.now());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry();
        e.id = rs.getLong(1);
        e.occurredAt = rs.getObject(2, OffsetDateTime.class).toInstant();
        e.actor = rs.getString(3);
        e.actorRole = rs.getString(4);
        e.householdId = rs.getObject(5, java.util.UUID.class);
        e.action = rs.getString(6);
        e.target = rs.getString(7);
        e.reason = rs.getString(8);
        e.outcome = rs.getString(9);
        e.previousHash = rs.getString(10);
        e.hash = rs.getString(11);
        e.chainPosition = rs.getLong(12);
        e.keyId = rs.getString(13);
        OffsetDateTime redactedAt = rs.getObject(14, OffsetDateTime.class);
        e.redactedAt = redactedAt == null ? null : redactedAt.toInstant();
        e.redactionKeyId = rs.getString(15);
        e.redactionSeal = rs.getString(16);
        return e;
    }

    private static AuditAnchor anchor(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select chain_position, hash,"
                + " removed_before, anchored_at, key_id, seal from audit_anchor where id = " + AuditAnchor.ID)) {
            if (!rs.next()) {
                return null;
            }
            AuditAnchor anchor = new AuditAnchor();
            anchor.id = AuditAnchor.ID;
            anchor.chainPosition = rs.getLong(1);
            anchor.hash = rs.getString(2);
            anchor.removedBefore = rs.getObject(3, OffsetDateTime.class).toInstant();
            anchor.anchoredAt = rs.getObject(4, OffsetDateTime.class).toInstant();
            anchor.keyId = rs.getString(5);
            anchor.seal = rs.getString(6);
            return anchor;
        }
    }
}
