package io.homeshield.enforcement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Drives the dispatcher: wakes up when an action commits (and on a timer, for retries and for
 * actions other instances wrote), claims due actions until none are left, and runs them with one
 * worker per router at a time, so a router sees its actions in order while many routers are served
 * at once.
 */
@ApplicationScoped
class DispatchLoop {

    private final ActionLedger ledger;
    private final ActionDispatcher dispatcher;
    private final EnforcementConfig config;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> daemon(r, "dispatch-loop"));
    private final ExecutorService routers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    DispatchLoop(ActionLedger ledger, ActionDispatcher dispatcher, EnforcementConfig config) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.config = config;
        this.routers = Executors.newFixedThreadPool(config.parallelism(), r -> daemon(r, "dispatch"));
    }

    @Scheduled(every = "${homeshield.enforcement.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wakeUp();
    }

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionRequested requested) {
        wakeUp();
    }

    void wakeUp() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                List<DispatchJob> jobs;
                do {
                    jobs = ledger.claimDue();
                    runByRouter(jobs);
                } while (jobs.size() >= config.batchSize());
            }
        } catch (RuntimeException e) {
            Log.error("Dispatching failed; trying again at the next wake-up", e);
        } finally {
            running.set(false);
            if (again.get()) {
                wakeUp();
            }
        }
    }

    private void runByRouter(List<DispatchJob> jobs) {
        Map<UUID, List<DispatchJob>> byRouter = new LinkedHashMap<>();
        for (DispatchJob job : jobs) {
            byRouter.computeIfAbsent(job.router().id(), id -> new ArrayList<>()).add(job);
        }
        List<Future<?>> running = new ArrayList<>(byRouter.size());
        for (List<DispatchJob> ofOneRouter : byRouter.values()) {
            running.add(routers.submit(() -> ofOneRouter.forEach(dispatcher::run)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                Log.error("A router's actions failed unexpectedly", e.getCause());
            }
        }
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
        routers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
