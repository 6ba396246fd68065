package io.homeshield.routers.usp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/** What the subscriber reads when a USP router cannot be managed, and whether HomeShield tries again. */
class UspFailureReasonsTest {

    @Test
    void pathsTheModelLacksAreUnsupportedForGood() {
        for (int code : new int[] { 7026, 7001, 7010, 7019 }) {
            assertEquals("This router model does not support it.", UspErrorReasons.reasonFor(code));
            assertFalse(UspErrorReasons.isRetryable(code));
        }
    }

    @Test
    void transientRouterTroubleIsRetried() {
        assertTrue(UspErrorReasons.isRetryable(7003));
        assertTrue(UspErrorReasons.isRetryable(7000));
        assertTrue(UspErrorReasons.isRetryable(7025));
        assertFalse(UspErrorReasons.isRetryable(7006));
        assertFalse(UspErrorReasons.isRetryable(7005));
    }

    @Test
    void unknownCodesStillReadAsASentenceWithTheCode() {
        assertEquals("The router refused the request (USP error 7850).", UspErrorReasons.reasonFor(7850));
        assertEquals("The router could not read HomeShield's request (USP error 7101).",
                UspErrorReasons.reasonFor(7101));
    }

    @Test
    void aBrokerOutOfReachIsRetryable() {
        UspTestSettings base = UspTestSettings.fresh(Duration.ofSeconds(1));
        UspTestSettings nowhere = new UspTestSettings("tcp://127.0.0.1:1", base.controllerEndpointId(),
                base.controllerTopic(), base.agentTopic(), base.requestTimeout());
        InMemoryAgentStore store = new InMemoryAgentStore();
        UspController controller = nowhere.controller((agent, path, value) -> {
        }, store);
        try {
            UspRouterControl usp = new UspRouterControl(controller, store, null); // no evidence collected here
            RouterTarget router = new RouterTarget(UUID.randomUUID(), "SN-3", "HS-Box 7", ManagementChannel.USP,
                    UspTestSettings.agentEndpointId());

            RouterControlException e = assertThrows(RouterControlException.class,
                    () -> usp.quarantine(router, MacAddress.of("AA:BB:CC:00:11:22"), QuarantineLevel.FULL));

            assertEquals(UspController.BROKER_UNREACHABLE, e.getMessage());
            assertTrue(e.retryable());
        } finally {
            controller.stop();
        }
    }
}
