package io.homeshield.enforcement;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.homeshield.inventory.ManagementChannel;

/** The available {@link RouterControl} adapters, one per management channel. */
@ApplicationScoped
class RouterControls {

    private final Map<ManagementChannel, RouterControl> byChannel = new EnumMap<>(ManagementChannel.class);

    RouterControls(Instance<RouterControl> adapters) {
        for (RouterControl adapter : adapters) {
            byChannel.put(adapter.channel(), adapter);
        }
    }

    Optional<RouterControl> forChannel(ManagementChannel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
