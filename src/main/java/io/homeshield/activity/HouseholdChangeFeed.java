package io.homeshield.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.household.HouseholdId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells open pages what changed in their household. Each instance reads the database for changes
 * of the households that have a page open on it, at a short interval, so it works the same however
 * many instances run and whichever of them made the change. A reader that reconnects after the
 * event it saw last is told what it missed, read from the database ({@link #since}).
 */
@ApplicationScoped
public class HouseholdChangeFeed {

    /** Reads overlap by this much, so a change committed a little after its timestamp is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int REMEMBERED = 10_000;
    private static final int BUFFERED = 1_000;
    /** How far back a reconnecting reader is told what it missed, and at most how many changes. */
    public static final Duration REPLAY_WINDOW = Duration.ofHours(1);
    public static final int REPLAY_MAX = 500;

    /**
     * What a reader missed since a position, oldest first; {@code complete} is false when some of it
     * is not there (the position is unknown or older than {@link #REPLAY_WINDOW}, or more than
     * {@link #REPLAY_MAX} changes happened), and the reader should read the lists again.
     */
    public record Replay(List<HouseholdChange> changes, boolean complete) {
    }

    private final Map<UUID, Listeners> listeners = new ConcurrentHashMap<>();
    private final Map<String, Boolean> sent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final Clock clock;
    private Instant lastRead;

    HouseholdChangeFeed(AlertQueries alerts, ActionQueries actions, Clock clock) {
        this.alerts = alerts;
        this.actions = actions;
        this.clock = clock;
    }

    /** The household's changes from now on, for as long as the subscriber stays. */
    public Multi<HouseholdChange> changes(HouseholdId household) {
        return Multi.createFrom().deferred(() -> {
            Listeners group = listeners.computeIfAbsent(household.value(), id -> new Listeners());
            group.count.incrementAndGet();
            // A poll can bring several changes at once; a slow reader gets them queued, not an error.
            return group.processor.onOverflow().buffer(BUFFERED)
                    .onTermination().invoke(() -> leave(household.value(), group));
        });
    }

    /**
     * The household's changes after the one with {@code lastEventId}: the latest state of each alert
     * and action that changed since, as read from the database now.
     */
    public Replay since(HouseholdId household, String lastEventId) {
        Optional<ChangePosition> position = ChangePosition.parse(lastEventId);
        Instant horizon = clock.instant().minus(REPLAY_WINDOW);
        boolean known = position.isPresent() && !position.get().at().isBefore(horizon);
        // changedSince reads strictly after its instant; a microsecond earlier keeps changes at the position's time
        Instant from = (known ? position.get().at() : horizon).minus(1, ChronoUnit.MICROS);
        List<HouseholdChange> missed = read(Set.of(household.value()), from).stream()
                .filter(change -> !known || position.get().isBefore(change))
                .sorted(ChangePosition.ORDER)
                .toList();
        if (missed.size() > REPLAY_MAX) {
            return new Replay(missed.subList(missed.size() - REPLAY_MAX, missed.size()), false);
        }
        return new Replay(missed, known);
    }

    @Scheduled(every = "${homeshield.portal.live-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Set<UUID> watched = Set.copyOf(listeners.keySet());
        Instant now = clock.instant();
        Instant since = (lastRead == null ? now : lastRead).minus(OVERLAP);
        lastRead = now;
        if (watched.isEmpty()) {
            return;
        }
        for (HouseholdChange change : read(watched, since)) {
            if (firstTime(change.key())) {
                Listeners group = listeners.get(change.household());
                if (group != null) {
                    group.processor.onNext(change);
                }
            }
        }
    }

    List<HouseholdChange> read(Set<UUID> households, Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<HouseholdChange> changes = new ArrayList<>();
            actions.changedSince(households, since).forEach(a -> changes.add(HouseholdChange.of(a)));
            alerts.changedSince(households, since).forEach(a -> changes.add(HouseholdChange.of(a)));
            return changes;
        });
    }

    private synchronized boolean firstTime(String key) {
        return sent.put(key, Boolean.TRUE) == null;
    }

    private void leave(UUID household, Listeners group) {
        if (group.count.decrementAndGet() <= 0) {
            listeners.remove(household, group);
        }
    }

    private static final class Listeners {
        final BroadcastProcessor<HouseholdChange> processor = BroadcastProcessor.create();
        final AtomicInteger count = new AtomicInteger();
    }
}
