package io.homeshield.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Audit entries past their retention are removed and the chain re-anchored, so it still verifies
 * from the checkpoint; entries pseudonymised (an erased household, or activity past its retention)
 * keep the chain verifiable too, and tampering with either is still found.
 */
@QuarkusTest
class AuditRetentionTest {

    @Inject
    AuditLog log;

    @Inject
    AuditSealer sealer;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditRetention retention;

    @Inject
    AuditRedaction redaction;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    AuditKeys keys;

    @Test
    void entriesPastTheirRetentionAreRemovedAndTheChainStillVerifiesFromTheCheckpoint() throws java.sql.SQLException {
        AuditEntry old = append(null, "staff-old", "support");
        AuditEntry young = appendAfter(old);

        retention.removeBefore(young.occurredAt, 2);

        assertThat("the old entry is gone", find(old.id), nullValue());
        assertThat("the young one stays", find(young.id), notNullValue());
        AuditAnchor anchor = QuarkusTransaction.requiringNew().call(AuditAnchor::current);
        assertThat(anchor.chainPosition, equalTo(young.chainPosition - 1));
        assertThat(verifier.verify().breaks(), empty());
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertThat("the offline check starts from the checkpoint too",
                    AuditVerifyCommand.verify(c, keys, null).breaks(), empty());
        }
        assertThat("nothing younger goes", retention.removeBefore(young.occurredAt, 2).stream()
                .mapToInt(Integer::intValue).sum(), equalTo(0));
        assertThat(find(young.id), notNullValue());
    }

    @Test
    void aMovedCheckpointIsFound() {
        AuditEntry old = append(null, "staff-moved", "support");
        AuditEntry young = appendAfter(old);
        retention.removeBefore(young.occurredAt, 1000);

        sql("update audit_anchor set chain_position = chain_position - 1");
        try {
            assertThat(verifier.verify().breaks(), hasSize(1));
        } finally {
            sql("update audit_anchor set chain_position = chain_position + 1");
        }
        assertThat(verifier.verify().breaks(), empty());
    }

    @Test
    void pseudonymisedEntriesStillVerifyAndTamperingWithThemIsFound() {
        UUID household = UUID.randomUUID();
        AuditEntry entry = append(household, "subscriber-" + household, "subscriber");
        appendAfter(entry);

        int redacted = redaction.redactOlderThan(entry.occurredAt.plusNanos(1000), 100_000);

        AuditEntry now = find(entry.id);
        assertThat(redacted > 0, equalTo(true));
        assertThat(now.householdId, equalTo(redaction.pseudonymOf(household)));
        assertThat(now.actor, startsWith("person-"));
        assertThat(now.target, nullValue());
        assertThat(now.reason, nullValue());
        assertThat(now.hash, equalTo(entry.hash));
        assertThat(verifier.verify().breaks(), empty());

        sql("update audit_entry set actor = 'someone-else' where id = " + entry.id);
        try {
            assertThat(verifier.verify().breaks().get(0).kind(), equalTo(AuditBreak.Kind.ALTERED));
        } finally {
            sql("update audit_entry set actor = '" + now.actor + "' where id = " + entry.id);
        }
        assertThat(verifier.verify().breaks(), empty());
    }

    private AuditEntry appendAfter(AuditEntry earlier) {
        AuditEntry next;
        do {
            next = append(null, "staff-young", "support");
        } while (!next.occurredAt.isAfter(earlier.occurredAt));
        return next;
    }

    private AuditEntry append(UUID household, String actor, String role) {
        Long id = QuarkusTransaction.requiringNew().call(() -> log.append(new AuditRecord(actor, role, household,
                "device.quarantine", "02:00:00:00:00:01", "because", "requested")).id);
        sealer.seal();
        return find(id);
    }

    private static AuditEntry find(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(id));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
