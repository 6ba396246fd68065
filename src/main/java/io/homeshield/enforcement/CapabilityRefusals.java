package io.homeshield.enforcement;

import java.util.Map;

/** The plain-words refusal for a router whose model lacks a capability, written once for every channel. */
public final class CapabilityRefusals {

    private static final Map<Class<? extends RouterControl>, String> REFUSALS = Map.of(
            Quarantining.class, "This router model cannot keep a device off the network through HomeShield.",
            DomainBlocking.class, "This router model cannot block domains; blocking a device works.",
            RouterParameters.class, "This router model cannot change or report its settings through HomeShield.",
            RouterRestart.class, "This router model cannot be restarted through HomeShield.",
            FactoryReset.class, "This router model cannot be reset to factory settings through HomeShield.",
            FirmwareInstall.class, "This router model cannot install firmware through HomeShield.",
            EvidenceCollection.class, "This router model cannot hand over evidence through HomeShield.");

    private CapabilityRefusals() {
    }

    /** A refusal for good: asking again will not help, the router model cannot do it. */
    public static RouterControlException of(Class<? extends RouterControl> capability) {
        String refusal = REFUSALS.get(capability);
        if (refusal == null) {
            throw new IllegalArgumentException("Not a router capability: " + capability.getName());
        }
        return new RouterControlException(refusal, false);
    }
}
