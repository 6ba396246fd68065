package io.homeshield.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes a rule's expired rows batch by batch, each statement committed on its own, so ingest
 * writing the same tables never waits long for a lock.
 */
@ApplicationScoped
class BatchedDelete {

    private final DataSource db;

    BatchedDelete(DataSource db) {
        this.db = db;
    }

    /** The rows each statement deleted, until one found fewer than a batch. */
    List<Integer> run(RetentionRule rule, Instant now, int batch) throws SQLException {
        List<Integer> deleted = new ArrayList<>();
        Object cutoff = rule.cutoff(now);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement delete = c.prepareStatement(rule.deleteBatch(batch))) {
                delete.setObject(1, cutoff);
                int count;
                do {
                    count = delete.executeUpdate();
                    deleted.add(count);
                } while (count == batch);
            }
        }
        return deleted;
    }
}
