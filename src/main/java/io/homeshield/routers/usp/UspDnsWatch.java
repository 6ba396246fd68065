package io.homeshield.routers.usp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.DesiredStateResend;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.OncePerCluster;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps HomeShield's subscriptions (DNS servers, Boot!) on every USP router, so a changed resolver
 * or a restart is reported the moment it happens: checked when an agent connects, introduces itself
 * or boots, and again on a timer for routers not confirmed recently. An agent that restarted, or lost
 * the subscriptions (a factory reset), has its supported data model read again and its household's
 * desired state sent again at once. Asking twice is harmless: the agent keeps the subscription's ID
 * unique, so several instances may do it.
 */
@ApplicationScoped
class UspDnsWatch {

    private final UspConfig config;
    private final UspRouterControl usp;
    private final DesiredStateResend desiredState;
    private final Clock clock;
    private final Map<String, Instant> confirmedAt = new ConcurrentHashMap<>();
    /** Setting up a watch waits for the agent's answers; never on the thread that takes notifications. */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), task -> {
                Thread thread = new Thread(task, "usp-dns-watch");
                thread.setDaemon(true);
                return thread;
            });

    private record RegisteredRouter(RouterTarget target, HouseholdId household) {
    }

    UspDnsWatch(UspConfig config, UspRouterControl usp, DesiredStateResend desiredState, Clock clock) {
        this.config = config;
        this.usp = usp;
        this.desiredState = desiredState;
        this.clock = clock;
    }

    @Scheduled(identity = "usp.dns-watch", every = "${homeshield.usp.dns-watch-interval:10m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = OncePerCluster.class)
    void scheduled() {
        if (config.enabled()) {
            watchDue();
        }
    }

    /**
     * Sets up or confirms the watch on routers not confirmed within the re-check period; returns how many were
     * confirmed.
     */
    int watchDue() {
        Instant staleBefore = clock.instant().minus(config.dnsWatchRecheck());
        List<RouterTarget> due = uspRouters().stream()
                .filter(router -> confirmedAt.getOrDefault(router.managementAddress(),
                        Instant.MIN).isBefore(staleBefore))
                .limit(config.dnsWatchPerRun())
                .toList();
        return (int) due.stream().filter(this::watch).count();
    }

    /**
     * The agent connected ({@code restarted} false) or booted ({@code restarted} true): make sure it
     * still reports to HomeShield, and send the household's desired state again where the router
     * restarted or lost HomeShield's subscriptions.
     */
    void agentStarted(String agentEndpointId, boolean restarted) {
        confirmedAt.remove(agentEndpointId);
        try {
            worker.execute(() -> registeredRouter(agentEndpointId).ifPresentOrElse(router -> catchUp(router, restarted),
                    () -> Log.infof("USP agent %s introduced itself but is no registered router", agentEndpointId)));
        } catch (RejectedExecutionException e) {
            Log.warnf("USP agent %s started while many others did; the timer checks it later", agentEndpointId);
        }
    }

    private void catchUp(RegisteredRouter router, boolean restarted) {
        try {
            if (restarted) {
                usp.readSupportedModel(router.target().managementAddress());
            }
            boolean lost = usp.watchDnsServers(router.target());
            confirmedAt.put(router.target().managementAddress(), clock.instant());
            if (lost && !restarted) {
                usp.readSupportedModel(router.target().managementAddress());
            }
            if (restarted || lost) {
                int sent = desiredState.resend(router.household(), Actor.SYSTEM,
                        restarted ? "The router restarted."
                                : "The router lost HomeShield's settings (reset or replaced).");
                Log.infof("USP router %s is back; %d instructions sent again", router.target().serialNumber(), sent);
            }
        } catch (RouterControlException e) {
            Log.infof("USP router %s is back but could not be brought up to date yet: %s",
                    router.target().serialNumber(), e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf(e, "USP router %s is back but could not be brought up to date; the timers catch up",
                    router.target().serialNumber());
        }
    }

    boolean watch(RouterTarget router) {
        try {
            usp.watchDnsServers(router);
            confirmedAt.put(router.managementAddress(), clock.instant());
            return true;
        } catch (RouterControlException e) {
            Log.debugf("DNS watch on USP router %s not set up yet: %s", router.serialNumber(), e.getMessage());
            return false;
        }
    }

    private static List<RouterTarget> uspRouters() {
        return QuarkusTransaction.requiringNew().call(() -> Router.getEntityManager().createQuery(
                "select new io.homeshield.enforcement.RouterTarget(r.id, r.serialNumber, r.model, r.channel, "
                        + "r.managementAddress) from Router r where r.channel = :channel", RouterTarget.class)
                .setParameter("channel", ManagementChannel.USP).getResultList());
    }

    private static Optional<RegisteredRouter> registeredRouter(String agentEndpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Router
                .<Router>find("channel = ?1 and managementAddress = ?2", ManagementChannel.USP, agentEndpointId)
                .firstResultOptional().map(router
                        -> new RegisteredRouter(RouterTarget.of(router), router.household())));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
