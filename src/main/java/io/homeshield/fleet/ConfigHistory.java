package io.homeshield.fleet;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps each router's history of configuration changes. */
@ApplicationScoped
public class ConfigHistory {

    /** Records changes in the caller's transaction; the inserts go out in JDBC batches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<ConfigChange> changes) {
        ConfigChange.persist(changes);
    }

    public List<ConfigChange> recent(UUID routerId, int limit) {
        return ConfigChange.find("routerId = ?1 order by changedAt desc", routerId).page(0, limit).list();
    }
}
