package io.homeshield.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.ManagementChannel;

class RouterControlsTest {

    /** An adapter that can only restart its routers. */
    private static final class RestartOnly implements RouterRestart {

        @Override
        public ManagementChannel channel() {
            return ManagementChannel.OPENWRT;
        }

        @Override
        public String firmwareVersion(RouterTarget router) {
            return "23.05.3";
        }

        @Override
        public void reboot(RouterTarget router) {
        }
    }

    private final RestartOnly adapter = new RestartOnly();
    private final RouterControls controls = new RouterControls(List.<RouterControl>of(adapter));

    @Test
    void anActionTheRoutersAdapterOffersReachesTheAdapter() throws Exception {
        assertSame(adapter, controls.capability(router(ManagementChannel.OPENWRT), RouterRestart.class));
    }

    @Test
    void anActionTheModelCannotTakeIsRefusedForGoodInPlainWords() {
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> controls.capability(router(ManagementChannel.OPENWRT), DomainBlocking.class));

        assertFalse(refused.retryable());
        assertEquals("This router model cannot block domains; blocking a device works.", refused.getMessage());
    }

    @Test
    void everyCapabilityHasItsRefusal() {
        for (Class<? extends RouterControl> capability : List.of(Quarantining.class, DomainBlocking.class,
                RouterParameters.class, RouterRestart.class, FactoryReset.class, FirmwareInstall.class,
                EvidenceCollection.class)) {
            RouterControlException refused = CapabilityRefusals.of(capability);
            assertFalse(refused.retryable(), capability.getSimpleName());
        }
    }

    @Test
    void aRouterOnAChannelNoAdapterServesIsRefusedForGood() {
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> controls.capability(router(ManagementChannel.USP), Quarantining.class));

        assertFalse(refused.retryable());
        assertEquals("HomeShield cannot manage routers over USP yet; the provider's support can act on the router"
                + " directly.", refused.getMessage());
    }

    private static RouterTarget router(ManagementChannel channel) {
        return new RouterTarget(UUID.randomUUID(), "SN-1", "Any", channel, null);
    }
}
