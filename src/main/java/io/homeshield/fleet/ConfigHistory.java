package io.homeshield.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.homeshield.inventory.RouterParameterKey;

/**
 * Keeps each router's history of configuration changes and its current value of every watched
 * parameter, and hands each batch of changes on to the fleet watchers (revert rules, campaign
 * detection) as a {@link ConfigChanged} event in the same transaction.
 */
@ApplicationScoped
public class ConfigHistory {

    private final Event<ConfigChanged> changed;

    ConfigHistory(Event<ConfigChanged> changed) {
        this.changed = changed;
    }

    /**
     * Records changes in the caller's transaction; the inserts go out in JDBC batches, and the
     * current values are read with one query per batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<ConfigChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ConfigChange.persist(changes);
        updateCurrent(changes);
        changed.fire(new ConfigChanged(List.copyOf(changes)));
    }

    /**
     * Records values read from a router for the first time: kept in its history and as current, but
     * not handed to the fleet watchers, since nothing changed (a first read of the whole fleet is not
     * a campaign).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFirstSeen(List<ConfigChange> values) {
        if (values.isEmpty()) {
            return;
        }
        ConfigChange.persist(values);
        updateCurrent(values);
    }

    public List<ConfigChange> recent(UUID routerId, int limit) {
        return ConfigChange.find("routerId = ?1 order by changedAt desc", routerId).page(0, limit).list();
    }

    /** The router's current value of every watched parameter, by path. */
    public List<CurrentParameter> current(UUID routerId) {
        return CurrentParameter.list("key.routerId = ?1 order by key.path", routerId);
    }

    private static void updateCurrent(List<ConfigChange> changes) {
        List<UUID> routers = changes.stream().map(c -> c.routerId).distinct().toList();
        Map<RouterParameterKey, CurrentParameter> known = new HashMap<>();
        CurrentParameter.<CurrentParameter>list("key.routerId in ?1", routers).forEach(p -> known.put(p.key, p));
        List<ConfigChange> inOrder = new ArrayList<>(changes);
        inOrder.sort(Comparator.comparing(c -> c.changedAt));
        for (ConfigChange change : inOrder) {
            RouterParameterKey key = new RouterParameterKey(change.routerId, change.path);
            CurrentParameter current = known.get(key);
            boolean added = current == null;
            if (added) {
                current = new CurrentParameter();
                current.key = key;
                known.put(key, current);
            } else if (current.changedAt.isAfter(change.changedAt)) {
                continue;
            }
            current.value = change.newValue;
            current.source = change.source;
            current.changedAt = change.changedAt;
            if (added) {
                current.persist();
            }
        }
    }
}
