package io.homeshield.detection;

import java.util.List;

import io.homeshield.wire.FlowEvent;

/**
 * The destinations of one device's flows in a batch as numbers, read from their text once: every
 * detector looks at every flow's destination, and reading it again in each would cost more than
 * the detectors' own work. Index {@code i} is the {@code i}-th flow; filled on first use.
 */
public final class FlowDestinations {

    private static final long NOT_EXTERNAL = -1;

    private final List<FlowEvent> flows;
    private long[] keys;
    private long[] networks;

    FlowDestinations(List<FlowEvent> flows) {
        this.flows = flows;
    }

    /** The destination's key ({@link AddressBits#key}). */
    long key(int flow) {
        read();
        return keys[flow];
    }

    /** The destination as an IPv4 number ({@link AddressBits#ipv4}), or -1 for an IPv6 address. */
    long ipv4(int flow) {
        long key = key(flow);
        return key <= 0xffffffffL ? key : -1;
    }

    /** Whether the destination is on the internet ({@link AddressBits#isExternal}). */
    boolean isExternal(int flow) {
        read();
        return networks[flow] != NOT_EXTERNAL;
    }

    /** The destination's network ({@link AddressBits#network}); only for {@link #isExternal external} destinations. */
    long network(int flow) {
        read();
        return networks[flow];
    }

    private void read() {
        if (keys != null && keys.length == flows.size()) {
            return;
        }
        int n = flows.size();
        long[] k = new long[n];
        long[] net = new long[n];
        for (int i = 0; i < n; i++) {
            String ip = flows.get(i).dstIp();
            long v4 = AddressBits.ipv4(ip);
            if (v4 >= 0) {
                k[i] = v4;
                net[i] = AddressBits.isExternalV4(v4) ? v4 >>> 8 : NOT_EXTERNAL;
            } else {
                k[i] = AddressBits.key(ip);
                net[i] = AddressBits.isExternal(ip) ? AddressBits.network(ip) : NOT_EXTERNAL;
            }
        }
        keys = k;
        networks = net;
    }
}
