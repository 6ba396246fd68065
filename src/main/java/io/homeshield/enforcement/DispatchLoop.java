package io.homeshield.enforcement;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Drives the dispatcher: wakes up when an action commits (and on a timer, for retries and for
 * actions other instances wrote), and claims due actions while it has room for them. Each router's
 * actions run one after another, in order, while many routers are served at once; a router that is
 * slow to answer holds up only its own actions, never another router's.
 */
@ApplicationScoped
class DispatchLoop {

    private final ActionLedger ledger;
    private final ActionDispatcher dispatcher;
    private final EnforcementConfig config;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> daemon(r, "dispatch-loop"));
    private final ExecutorService routers;
    /** Each router's last started action; its next one runs when that one is done. */
    private final Map<UUID, CompletableFuture<Void>> lastOfRouter = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** The last claim stopped for lack of room: a finished action may make room for due ones. */
    private final AtomicBoolean full = new AtomicBoolean();

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
                claimWhileThereIsRoom();
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

    private void claimWhileThereIsRoom() {
        while (true) {
            int room = Math.min(config.batchSize(), capacity() - inFlight.get());
            if (room <= 0) {
                full.set(true);
                // An action may have finished between the count and the flag: look again rather than wait.
                if (inFlight.get() < capacity() && full.compareAndSet(true, false)) {
                    continue;
                }
                return;
            }
            List<DispatchJob> jobs = ledger.claimDue(room);
            jobs.forEach(this::start);
            if (jobs.size() < room) {
                return;
            }
        }
    }

    /**
     * Claimed actions at most: enough to keep every worker busy, few enough that the leases an
     * instance holds when it stops are soon taken over by another.
     */
    private int capacity() {
        return config.parallelism() * 2;
    }

    private void start(DispatchJob job) {
        inFlight.incrementAndGet();
        UUID router = job.router().id();
        CompletableFuture<Void> started = lastOfRouter.compute(router, (id, previous) -> (previous == null
                ? CompletableFuture.<Void>completedFuture(null)
                : previous.exceptionally(e -> null)).thenRunAsync(() -> dispatcher.run(job), routers));
        started.whenComplete((done, failure) -> {
            if (failure != null) {
                Log.errorf(failure, "Action %s on router %s failed unexpectedly", job.actionId(), router);
            }
            lastOfRouter.remove(router, started);
            inFlight.decrementAndGet();
            if (full.getAndSet(false)) {
                wakeUp();
            }
        });
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
