package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.testsupport.Lanes;

/**
 * A USP controller on the real Mosquitto for the whole test class, and for each test a fresh USP
 * agent speaking the real protobuf Records with the router it belongs to; after each test the agent
 * must not have seen anything a real agent would reject.
 */
@Tag(Lanes.BROKER)
abstract class UspAgentTestBase {

    static UspTestSettings settings;
    static UspController controller;
    static UspRouterControl usp;
    static InMemoryAgentStore store;
    UspTestAgent agent;
    RouterTarget router;

    @BeforeAll
    static void connectController() throws RouterControlException {
        settings = UspTestSettings.fresh(Duration.ofMillis(1500));
        store = new InMemoryAgentStore();
        controller = settings.controller((agent, path, value) -> {
        }, store);
        controller.connect();
        usp = new UspRouterControl(controller, store, null); // no evidence collected here
    }

    @AfterAll
    static void stopController() {
        controller.stop();
    }

    @BeforeEach
    void startAgent() throws Exception {
        agent = settings.agent(UspTestSettings.agentEndpointId()).start();
        // The agent's MQTTConnect record tells the controller its version; requests before it would be 1.4.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> UspTestAgent.AGENT_VERSION.equals(controller.recordVersion(agent.endpointId())));
        router = new RouterTarget(UUID.randomUUID(), "SN-1", "HS-Box 7", ManagementChannel.USP, agent.endpointId());
    }

    @AfterEach
    void stopAgent() throws Exception {
        assertEquals(List.of(), agent.violations(), "what a real agent would have rejected");
        agent.close();
    }
}
