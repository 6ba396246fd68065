package io.homeshield.routers.usp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;

/**
 * A USP controller on the real Mosquitto for the whole test class, and for each test a fresh USP
 * agent speaking the real protobuf Records with the router it belongs to; after each test the agent
 * must not have seen anything a real agent would reject.
 */
abstract class UspAgentTestBase {

    static UspTestSettings settings;
    static UspController controller;
    static UspRouterControl usp;
    UspTestAgent agent;
    RouterTarget router;

    @BeforeAll
    static void connectController() throws RouterControlException {
        settings = UspTestSettings.fresh(Duration.ofMillis(1500));
        controller = new UspController(settings, (agent, path, value) -> {
        });
        controller.connect();
        usp = new UspRouterControl(controller);
    }

    @AfterAll
    static void stopController() {
        controller.stop();
    }

    @BeforeEach
    void startAgent() throws Exception {
        agent = settings.agent(UspTestSettings.agentEndpointId()).start();
        router = new RouterTarget(UUID.randomUUID(), "SN-1", "HS-Box 7", ManagementChannel.USP, agent.endpointId());
    }

    @AfterEach
    void stopAgent() throws Exception {
        assertEquals(List.of(), agent.violations(), "what a real agent would have rejected");
        agent.close();
    }
}
