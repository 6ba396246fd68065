package io.homeshield.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.simulator.IngestClient.Delivery;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Runs the demo: at start it seeds the demo households and fills in the week before, then every
 * interval each of their routers posts what it saw to the real ingest endpoint. A batch the ingest
 * could not take is sent again, with the same sequence number, on a later round.
 */
@ApplicationScoped
class Simulator {

    private final SimulatorConfig config;
    private final DemoSeeder seeder;
    private final DemoWeek week;
    private final IngestClient ingest;
    private final SimulatedRouters routers;
    private final Clock clock;
    private final WarningThrottle warnings;

    private volatile List<SeededRouter> seeded = List.of();
    private volatile ScenarioGenerator generator;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    Simulator(SimulatorConfig config, DemoSeeder seeder, DemoWeek week, IngestClient ingest, SimulatedRouters routers,
            Clock clock) {
        this.config = config;
        this.seeder = seeder;
        this.week = week;
        this.ingest = ingest;
        this.routers = routers;
        this.clock = clock;
        this.warnings = new WarningThrottle(clock, Duration.ofMinutes(1));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start(DemoCatalogue.households());
        }
    }

    void start(List<DemoHousehold> households) {
        List<SeededRouter> routersToRun = seeder.seed(households);
        backfill(routersToRun);
        ScenarioGenerator scenario = new ScenarioGenerator(new Random(config.seed()), clock, config.interval(),
                routers::denies, (router, device, name) -> routers.domainBlocks(router).blocks(device, name));
        routersToRun.forEach(r -> scenario.add(r.routerId(), r.household().devices(), r.nextSequence()));
        generator = scenario;
        seeded = routersToRun;
        Log.infof("Simulator: %d demo routers post telemetry to %s every %d ms", routersToRun.size(),
                ingest.endpoint(), config.interval().toMillis());
    }

    /** The week before the start, so the first pages look like a household's after a week of HomeShield. */
    private void backfill(List<SeededRouter> routersToRun) {
        long started = System.nanoTime();
        int hours = 0;
        int rows = 0;
        for (SeededRouter router : routersToRun) {
            try {
                DemoWeek.Filled filled = week.backfill(router);
                hours = Math.max(hours, filled.hours());
                rows += filled.activityRows();
            } catch (RuntimeException e) {
                Log.warnf(e, "Simulator: the week before the start of %s was not filled in; the live demo runs"
                        + " all the same", router.household().accountNumber());
            }
        }
        Log.infof("Simulator: filled in %d hours of history before the start (%d hourly roll-ups) in %d ms", hours,
                rows, (System.nanoTime() - started) / 1_000_000);
    }

    void onStop(@Observes ShutdownEvent event) {
        generator = null;
    }

    boolean running() {
        return generator != null;
    }

    @Scheduled(identity = "homeshield-simulator", every = "${homeshield.simulator.interval}",
            delayed = "${homeshield.simulator.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Idle.class)
    void round() {
        for (SeededRouter router : seeded) {
            ScenarioGenerator scenario = generator;
            if (scenario == null || Thread.currentThread().isInterrupted()) {
                return;
            }
            send(router, scenario);
        }
    }

    private void send(SeededRouter router, ScenarioGenerator scenario) {
        Instant now = clock.instant();
        Pending held = pending.remove(router.routerId());
        if (held != null && now.isBefore(held.notBefore())) {
            pending.put(router.routerId(), held);
            return;
        }
        TelemetryBatch batch = held != null ? held.batch() : scenario.next(router.routerId());
        Delivery delivery = ingest.post(router, batch);
        String which = "batch " + batch.sequence() + " of " + router.household().accountNumber();
        if (delivery instanceof Delivery.TryAgain again) {
            pending.put(router.routerId(), new Pending(batch, now.plus(again.after())));
            if (warnings.allows()) {
                Log.warnf("Simulator: %s not delivered, will resend: %s", which, again.reason());
            }
        } else if (delivery instanceof Delivery.Refused refused && warnings.allows()) {
            Log.warnf("Simulator: ingest at %s refused %s with %d%s", ingest.endpoint(), which, refused.status(),
                    refused.status() == 404 ? " (no ingest endpoint yet)" : ": " + abbreviate(refused.body()));
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private record Pending(TelemetryBatch batch, Instant notBefore) {
    }

    /** Skips the scheduled round unless the simulator was started. */
    @Singleton
    static class Idle implements Scheduled.SkipPredicate {

        private final Simulator simulator;

        Idle(Simulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !simulator.running();
        }
    }
}
