package io.homeshield.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Tampers with audit rows the way someone with database access would, and checks that the
 * verification says which entry. Every test puts the rows back, so the chain is whole for others.
 */
@QuarkusTest
@TestSecurity(user = "verify-root", roles = "admin")
class AuditVerificationTest {

    @Inject
    AuditLog log;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditSealer sealer;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    AuditKeys keys;

    @Test
    void anUntouchedLogIsIntact() {
        append("untouched");

        given().accept("application/json").get("/admin/audit/verify").then().statusCode(200)
                .body("breaks.size()", equalTo(0)).body("entriesChecked", org.hamcrest.Matchers.greaterThan(0));
        given().accept("text/html").get("/admin/audit/verify").then().statusCode(200)
                .body(containsString("The audit log is intact"));
    }

    @Test
    void anAlteredReasonIsFoundAndNamed() {
        AuditEntry victim = append("reason");
        append("after-reason");
        try {
            sql("update audit_entry set reason = 'nothing to see here' where id = " + victim.id);

            given().accept("application/json").get("/admin/audit/verify").then().statusCode(200)
                    .body("breaks[0].entryId", equalTo(victim.id.intValue()))
                    .body("breaks[0].kind", equalTo("ALTERED"));
            given().accept("text/html").get("/admin/audit/verify").then().statusCode(200)
                    .body(containsString("The audit log was tampered with"))
                    .body(containsString("Entry " + victim.id + " was altered"));
        } finally {
            sql("update audit_entry set reason = 'why: reason' where id = " + victim.id);
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void everyFieldThatMattersIsCovered() {
        AuditEntry victim = append("fields");
        append("after-fields");
        String[] changes = { "actor = 'someone-else'", "actor_role = 'admin'", "household_id = null",
                "action = 'device.release'", "target = 'AA:BB:CC:00:00:01'", "reason = null", "outcome = 'failed'",
                "occurred_at = occurred_at + interval '1 second'" };
        AuditEntry original = QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(victim.id));
        for (String change : changes) {
            try {
                sql("update audit_entry set " + change + " where id = " + victim.id);
                AuditReport report = verifier.verify();
                assertEquals(victim.id, report.breaks().get(0).entryId(), change);
                assertEquals(AuditBreak.Kind.ALTERED, report.breaks().get(0).kind(), change);
            } finally {
                restore(original);
            }
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void aDeletedEntryIsFoundBetweenItsNeighbours() throws SQLException {
        AuditEntry before = append("before");
        AuditEntry victim = append("deleted");
        AuditEntry after = append("after");
        AuditEntry saved = QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(victim.id));
        try {
            sql("delete from audit_entry where id = " + victim.id);

            AuditReport report = verifier.verify();
            assertEquals(1, report.breaks().size(), report.toString());
            assertEquals(after.id, report.breaks().get(0).entryId());
            assertEquals(AuditBreak.Kind.MISSING, report.breaks().get(0).kind());
            assertTrue(report.breaks().get(0).problem().contains("between entry " + before.id + " and entry " + after.id
                    + " (entry " + victim.id), report.breaks().get(0).problem());
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(report.breaks(), AuditVerifyCommand.verify(connection, keys, null).breaks(),
                        "the command finds the same as the application");
            }
        } finally {
            insert(saved);
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkToTheNextOne() {
        AuditEntry victim = append("rehashed");
        AuditEntry next = append("after-rehashed");
        AuditEntry original = QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(victim.id));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                AuditEntry e = AuditEntry.findById(victim.id);
                e.outcome = "failed";
                e.hash = AuditSeal.expectedHash(e, keys); // someone holding the key
            });

            AuditReport report = verifier.verify();
            assertEquals(next.id, report.breaks().get(0).entryId());
            assertTrue(report.breaks().get(0).problem().contains("entry " + victim.id + " was rewritten"));
        } finally {
            restore(original);
        }
        assertTrue(verifier.verify().intact());
    }

    @Test
    void deletingTheNewestEntryIsFoundThroughTheChainHead() {
        AuditEntry newest = append("newest");
        AuditEntry saved = QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(newest.id));
        try {
            sql("delete from audit_entry where id = " + newest.id);

            AuditReport report = verifier.verify();
            assertEquals(1, report.breaks().size(), report.toString());
            AuditBreak found = report.breaks().get(0);
            // an entry appended meanwhile by the application links to the deleted one instead
            assertTrue(found.kind() == AuditBreak.Kind.MISSING_NEWEST
                    || found.kind() == AuditBreak.Kind.MISSING && found.entryId() > newest.id, found.toString());
        } finally {
            insert(saved);
        }
        assertTrue(verifier.verify().intact());
    }

    /** Appends and seals, as moments after an act; only sealed entries are protected. */
    private AuditEntry append(String what) {
        Long id = QuarkusTransaction.requiringNew().call(() -> log.append(new AuditRecord("verify-sam", "support",
                UUID.randomUUID(), "device.quarantine", what, "why: " + what, "requested")).id);
        sealer.seal();
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(id));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private void restore(AuditEntry original) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry e = AuditEntry.findById(original.id);
            e.occurredAt = original.occurredAt;
            e.actor = original.actor;
            e.actorRole = original.actorRole;
            e.householdId = original.householdId;
            e.action = original.action;
            e.target = original.target;
            e.reason = original.reason;
            e.outcome = original.outcome;
            e.hash = original.hash;
        });
    }

    private void insert(AuditEntry e) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into audit_entry (id, occurred_at, actor, actor_role, household_id, action, target, reason,
                    outcome, previous_hash, hash, chain_position, key_id)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
                .setParameter(1, e.id).setParameter(2, e.occurredAt).setParameter(3, e.actor)
                .setParameter(4, e.actorRole).setParameter(5, e.householdId).setParameter(6, e.action)
                .setParameter(7, e.target).setParameter(8, e.reason).setParameter(9, e.outcome)
                .setParameter(10, e.previousHash).setParameter(11, e.hash).setParameter(12, e.chainPosition)
                .setParameter(13, e.keyId).executeUpdate());
    }
}
