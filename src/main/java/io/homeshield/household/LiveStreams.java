package io.homeshield.household;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The live streams people hold open (the portal's live updates, the API's events). A stream lasts
 * only as long as what let it open: it ends when its person leaves the household (removed by an
 * admin) or their token expires, checked every {@link StreamConfig#checkInterval()}. Each person may
 * hold {@link StreamConfig#maxPerPerson()} open on an instance; the next is answered 429, so one
 * account cannot tie up the instance's connections.
 */
@ApplicationScoped
public class LiveStreams {

    private final StreamConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    LiveStreams(StreamConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The member's stream, ending when their membership or {@code credentialExpiry} does; or 429 when
     * they already hold the most streams allowed. The slot is freed when the stream ends or is closed.
     */
    public <T> Multi<T> hold(HouseholdMember member, Optional<Instant> credentialExpiry, Multi<T> stream) {
        String person = member.subject;
        claim(person);
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(person, (who, count) -> count <= 1 ? null : count - 1);
            }
        };
        UUID memberId = member.id;
        Multi<Optional<T>> ended = Multi.createFrom().ticks().every(config.checkInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .filter(tick -> !mayGoOn(memberId, credentialExpiry))
                .map(tick -> Optional.<T>empty());
        try {
            return Multi.createBy().merging().streams(stream.map(Optional::of), ended)
                    .select().first(Optional::isPresent)
                    .map(Optional::get)
                    .onTermination().invoke(release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** How many streams the person holds open on this instance. */
    public int openBy(String person) {
        return open.getOrDefault(person, 0);
    }

    private void claim(String person) {
        boolean[] refused = new boolean[1];
        open.compute(person, (who, count) -> {
            int now = count == null ? 0 : count;
            if (now >= config.maxPerPerson()) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "You have " + config.maxPerPerson()
                    + " live streams open already; close one (a tab or an app) first.")
                    .withHeader("Retry-After", String.valueOf(Math.max(1, config.checkInterval().toSeconds())));
        }
    }

    private boolean mayGoOn(UUID memberId, Optional<Instant> credentialExpiry) {
        if (credentialExpiry.isPresent() && !clock.instant().isBefore(credentialExpiry.get())) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.count("id", memberId) > 0);
    }
}
