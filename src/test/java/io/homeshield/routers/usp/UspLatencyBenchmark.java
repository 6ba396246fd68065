package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Quarantine latency, request to applied: 1,000 quarantines across 100 routers through USP over the
 * real Mosquitto, against a baseline of the same load on simulated routers (no network) in the same
 * run. Each run starts with a warm-up of 300 unmeasured quarantines on other devices of the same
 * routers. Run with {@code ./mvnw -Pbenchmark verify -Dtest=UspLatencyBenchmark}.
 */
@QuarkusTest
@TestProfile(UspEnabledProfile.class)
class UspLatencyBenchmark {

    private static final int ROUTERS = 100;
    private static final int DEVICES_PER_ROUTER = 10;
    /** Requests per second: a busy evening for a provider's whole fleet, not a burst. */
    private static final int RATE = 100;
    /** Quarantines per router sent first and not measured, so code paths and connections are warm. */
    private static final int WARM_UP_PER_ROUTER = 3;

    @Inject
    QuarantineService quarantines;

    @Inject
    UspConfig config;

    @Test
    void quarantineLatencyThroughUspAgainstSimulatedRouters() throws Exception {
        Latencies baseline = run(ManagementChannel.SIMULATED, List.of());
        List<UspTestAgent> agents = new ArrayList<>();
        try {
            for (int i = 0; i < ROUTERS; i++) {
                String endpointId = UspTestSettings.agentEndpointId();
                agents.add(new UspTestAgent(config.brokerUrl(), endpointId,
                        config.agentTopic().replace("{endpointId}", endpointId), config.controllerEndpointId(),
                        config.controllerTopic()).start());
            }
            Latencies usp = run(ManagementChannel.USP, agents);
            System.out.printf("%nQuarantine latency, request -> applied, %d quarantines on %d routers at %d/s%n",
                    ROUTERS * DEVICES_PER_ROUTER, ROUTERS, RATE);
            System.out.printf("  simulated routers (baseline): median %4d ms, p99 %4d ms%n", baseline.median(),
                    baseline.p99());
            System.out.printf("  USP over MQTT (Mosquitto):    median %4d ms, p99 %4d ms%n", usp.median(), usp.p99());
            System.out.printf("  ratio USP / baseline:         median %.2f, p99 %.2f%n%n",
                    usp.median() / (double) Math.max(1, baseline.median()),
                            usp.p99() / (double) Math.max(1, baseline.p99()));
        } finally {
            for (UspTestAgent agent : agents) {
                agent.close();
            }
        }
    }

    private Latencies run(ManagementChannel channel, List<UspTestAgent> agents) throws Exception {
        List<Device> devices = new ArrayList<>();
        List<Device> warmUp = new ArrayList<>();
        for (int r = 0; r < ROUTERS; r++) {
            TestHousehold home = Fixtures.household("latency-" + channel + "-" + UUID.randomUUID());
            String address = agents.isEmpty() ? null : agents.get(r).endpointId();
            QuarkusTransaction.requiringNew().run(() -> {
                Router router = Router.findById(home.routerId());
                router.channel = channel;
                router.managementAddress = address;
            });
            for (int d = 0; d < DEVICES_PER_ROUTER; d++) {
                devices.add(Fixtures.device(home, "bench-" + d, DeviceType.CAMERA));
            }
            for (int d = 0; d < WARM_UP_PER_ROUTER; d++) {
                warmUp.add(Fixtures.device(home, "warm-up-" + d, DeviceType.CAMERA));
            }
        }
        quarantineAtRate(warmUp);
        return latencies(quarantineAtRate(devices));
    }

    /** Quarantines the devices in a shuffled order at {@link #RATE}; returns the actions once all settled. */
    private List<UUID> quarantineAtRate(List<Device> targets) throws Exception {
        List<Device> devices = new ArrayList<>(targets);
        java.util.Collections.shuffle(devices, new java.util.Random(7));
        List<UUID> actions = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        try {
            for (int i = 0; i < devices.size(); i++) {
                Device device = devices.get(i);
                pace.schedule(() -> actions.add(quarantines.quarantine(new HouseholdId(device.householdId), device.id,
                        QuarantineLevel.FULL, null, Actor.subscriber("latency-bench"), null, null).id),
                        i * 1000L / RATE, TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> actions.size() == devices.size()
                    && settled(actions) == devices.size());
        } finally {
            pace.shutdownNow();
        }
        return actions;
    }

    private static long settled(List<UUID> actions) {
        // Waits for the read-back too, so every action is settled before its latency is read.
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("id in ?1 and state in ?2",
                List.copyOf(actions), List.of(ActionState.VERIFIED, ActionState.FAILED)));
    }

    private static Latencies latencies(List<UUID> actions) {
        List<Long> millis = QuarkusTransaction.requiringNew().call(() -> EnforcementAction
                .<EnforcementAction>list("id in ?1", List.copyOf(actions)).stream()
                .filter(a -> a.state == ActionState.VERIFIED)
                .map(a -> Duration.between(a.requestedAt, a.appliedAt).toMillis()).sorted().toList());
        if (millis.size() != actions.size()) {
            throw new AssertionError((actions.size() - millis.size()) + " quarantines did not reach verified");
        }
        return new Latencies(millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
    }

    private record Latencies(long median, long p99) {
    }
}
