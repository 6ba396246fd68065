package io.homeshield.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/** Writes the audit entries of a time range as CSV, row by row as the database returns them. */
@ApplicationScoped
public class AuditExport {

    private static final int FETCH = 500;

    private final EntityManager em;
    private final AuditLog audit;
    private final AuditSealer sealer;

    AuditExport(EntityManager em, AuditLog audit, AuditSealer sealer) {
        this.em = em;
        this.audit = audit;
        this.sealer = sealer;
    }

    /**
     * Entries with {@code from <= occurredAt < to}, oldest first. The export itself is recorded
     * first, and everything committed so far is sealed, so the rows carry their hashes.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public void writeCsv(Instant from, Instant to, Actor actor, OutputStream target) {
        QuarkusTransaction.requiringNew().run(() -> audit.append(new AuditRecord(actor.id(), actor.role(), null,
                "audit.export", from + " to " + to, null, "done")));
        sealer.seal();
        Writer out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 64 * 1024);
        try (Stream<Object[]> rows = em.createQuery("""
                select e, h.accountNumber from AuditEntry e left join Household h on h.id = e.householdId
                where e.occurredAt >= ?1 and e.occurredAt < ?2 order by e.id
                """, Object[].class)
                .setParameter(1, from).setParameter(2, to)
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            out.write(AuditCsv.HEADER);
            var iterator = rows.iterator();
            while (iterator.hasNext()) {
                Object[] row = iterator.next();
                AuditEntry entry = (AuditEntry) row[0];
                AuditCsv.row(out, entry, (String) row[1]);
                em.detach(entry);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
