package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.homeshield.alert.Finding;
import io.homeshield.infra.LruStripes;
import io.homeshield.net.IpAddress;
import io.homeshield.wire.ConfigEvent;

/**
 * The name servers each router is configured with, as its setting changes report them (WAN
 * resolvers, the relay's forwarders, what DHCP hands out): DNS to them is the household's own
 * and never a check-in. Learns only, reports nothing; whether such a change is itself a hijack is
 * {@link RouterDnsHijackDetector}'s question. At most {@value #ROUTERS} routers, four resolvers each.
 */
@Singleton
class RouterResolvers implements RouterDetector {

    static final int ROUTERS = 200_000;
    private static final int PER_ROUTER = 4;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\s]+");

    private final LruStripes<UUID, long[]> configured = new LruStripes<>(64, ROUTERS);

    @Override
    public void inspect(UUID routerId, List<ConfigEvent> changes, Instant reportedAt, Consumer<Finding> findings) {
        for (ConfigEvent change : changes) {
            if (change.newValue() == null || !RouterDnsHijackDetector.DNS_PARAMETER.matcher(change.path()).matches()) {
                continue;
            }
            for (String entry : LIST_SEPARATOR.split(change.newValue().strip())) {
                if (IpAddress.isValid(entry)) {
                    remember(routerId, AddressBits.key(IpAddress.of(entry).value()));
                }
            }
        }
    }

    boolean isConfigured(UUID routerId, long resolver) {
        Map<UUID, long[]> stripe = configured.stripeOf(routerId);
        synchronized (stripe) {
            long[] resolvers = stripe.get(routerId);
            if (resolvers != null) {
                for (long r : resolvers) {
                    if (r == resolver) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private void remember(UUID routerId, long resolver) {
        Map<UUID, long[]> stripe = configured.stripeOf(routerId);
        synchronized (stripe) {
            long[] resolvers = stripe.get(routerId);
            if (resolvers == null) {
                resolvers = new long[PER_ROUTER];
                java.util.Arrays.fill(resolvers, -1);
                stripe.put(routerId, resolvers);
            }
            for (long r : resolvers) {
                if (r == resolver) {
                    return;
                }
            }
            System.arraycopy(resolvers, 0, resolvers, 1, PER_ROUTER - 1);
            resolvers[0] = resolver;
        }
    }
}
