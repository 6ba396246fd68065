package io.homeshield.routers.usp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.infra.OncePerCluster;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps HomeShield's DNS-server subscription on every USP router, so a changed resolver is reported
 * the moment it happens: set up when an agent introduces itself or boots (a factory reset drops it),
 * and checked again on a timer for routers not confirmed recently. Asking twice is harmless: the
 * agent keeps the subscription's ID unique, so several instances may do it.
 */
@ApplicationScoped
class UspDnsWatch {

    private final UspConfig config;
    private final UspRouterControl usp;
    private final Clock clock;
    private final Map<String, Instant> confirmedAt = new ConcurrentHashMap<>();
    /** Setting up a watch waits for the agent's answers; never on the thread that takes notifications. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "usp-dns-watch");
        thread.setDaemon(true);
        return thread;
    });

    UspDnsWatch(UspConfig config, UspRouterControl usp, Clock clock) {
        this.config = config;
        this.usp = usp;
        this.clock = clock;
    }

    @Scheduled(identity = "usp.dns-watch", every = "${homeshield.usp.dns-watch-interval:10m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = OncePerCluster.class)
    void scheduled() {
        if (config.enabled()) {
            watchDue();
        }
    }

    /** Sets up or confirms the watch on routers not confirmed within the re-check period; returns how many were confirmed. */
    int watchDue() {
        Instant staleBefore = clock.instant().minus(config.dnsWatchRecheck());
        List<RouterTarget> due = uspRouters().stream()
                .filter(router -> confirmedAt.getOrDefault(router.managementAddress(), Instant.MIN).isBefore(staleBefore))
                .limit(config.dnsWatchPerRun())
                .toList();
        return (int) due.stream().filter(this::watch).count();
    }

    /** The agent may have lost its subscription: set it up again now. */
    void agentStarted(String agentEndpointId) {
        confirmedAt.remove(agentEndpointId);
        worker.execute(() -> registeredRouter(agentEndpointId).ifPresentOrElse(this::watch,
                () -> Log.infof("USP agent %s introduced itself but is no registered router", agentEndpointId)));
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

    private static Optional<RouterTarget> registeredRouter(String agentEndpointId) {
        return QuarkusTransaction.requiringNew().call(() -> Router
                .<Router>find("channel = ?1 and managementAddress = ?2", ManagementChannel.USP, agentEndpointId)
                .firstResultOptional().map(RouterTarget::of));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
