package io.homeshield.enforcement;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.homeshield.inventory.ManagementChannel;

/** The available {@link RouterControl} adapters, one per management channel, and what each can do. */
@ApplicationScoped
class RouterControls {

    private final Map<ManagementChannel, RouterControl> byChannel = new EnumMap<>(ManagementChannel.class);

    @Inject
    RouterControls(Instance<RouterControl> adapters) {
        this((Iterable<RouterControl>) adapters);
    }

    RouterControls(Iterable<RouterControl> adapters) {
        for (RouterControl adapter : adapters) {
            byChannel.put(adapter.channel(), adapter);
        }
    }

    /** The router's adapter; refuses for good when HomeShield cannot manage the router's channel. */
    RouterControl forRouter(RouterTarget router) throws RouterControlException {
        RouterControl adapter = byChannel.get(router.channel());
        if (adapter == null) {
            throw new RouterControlException("HomeShield cannot manage routers over " + router.channel()
                    + " yet; the provider's support can act on the router directly.", false);
        }
        return adapter;
    }

    /**
     * The router's adapter as the capability an action needs; refuses for good, in plain words, when
     * HomeShield cannot manage the router's channel or its model lacks the capability.
     */
    <C extends RouterControl> C capability(RouterTarget router, Class<C> capability) throws RouterControlException {
        RouterControl adapter = forRouter(router);
        if (!capability.isInstance(adapter)) {
            throw CapabilityRefusals.of(capability);
        }
        return capability.cast(adapter);
    }
}
