package io.homeshield.infra.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses that are not the public Internet (IANA's special-purpose registries): loopback,
 * private, shared (CGNAT), link-local (where cloud metadata services answer), unique-local,
 * multicast, broadcast, documentation and reserved space. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
public final class SpecialAddresses {

    /** @param unrouted whether no real network uses it (documentation, benchmarking): it never carries traffic */
    private record Special(AddressBlock block, String what, boolean unrouted) {
    }

    private static final List<Special> BLOCKS = List.of(
            special("0.0.0.0/8", "'this network' (0.0.0.0/8), which reaches the host itself"),
            special("10.0.0.0/8", "a private network address (10.0.0.0/8)"),
            special("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)"),
            special("127.0.0.0/8", "a loopback address (127.0.0.0/8)"),
            special("169.254.0.0/16", "a link-local address (169.254.0.0/16), where cloud metadata services answer"),
            special("172.16.0.0/12", "a private network address (172.16.0.0/12)"),
            unrouted("192.0.0.0/24", "an IETF protocol address (192.0.0.0/24)"),
            unrouted("192.0.2.0/24", "a documentation address (192.0.2.0/24)"),
            unrouted("192.88.99.0/24", "a 6to4 relay address (192.88.99.0/24)"),
            special("192.168.0.0/16", "a private network address (192.168.0.0/16)"),
            unrouted("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
            unrouted("198.51.100.0/24", "a documentation address (198.51.100.0/24)"),
            unrouted("203.0.113.0/24", "a documentation address (203.0.113.0/24)"),
            special("224.0.0.0/4", "a multicast address (224.0.0.0/4)"),
            special("255.255.255.255/32", "the broadcast address"),
            special("240.0.0.0/4", "a reserved address (240.0.0.0/4)"),
            special("::/128", "the unspecified address (::)"),
            special("::1/128", "the IPv6 loopback address (::1)"),
            special("64:ff9b:1::/48", "a local-use NAT64 address (64:ff9b:1::/48)"),
            special("100::/64", "a discard-only address (100::/64)"),
            special("::/3", "a reserved IPv6 address (outside 2000::/3)"),
            unrouted("2001:db8::/32", "a documentation address (2001:db8::/32)"),
            unrouted("2001::/23", "an IETF special-purpose address (2001::/23, Teredo included)"),
            unrouted("3fff::/20", "a documentation address (3fff::/20)"),
            special("fc00::/7", "a unique-local address (fc00::/7)"),
            special("fe80::/10", "a link-local address (fe80::/10)"),
            special("fec0::/10", "a site-local address (fec0::/10)"),
            special("ff00::/8", "a multicast address (ff00::/8)"),
            special("4000::/2", "a reserved IPv6 address (outside 2000::/3)"),
            special("8000::/1", "a reserved IPv6 address (outside 2000::/3)"));

    private static final AddressBlock MAPPED = AddressBlock.parse("::ffff:0:0/96");
    private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

    private SpecialAddresses() {
    }

    private static Special special(String block, String what) {
        return new Special(AddressBlock.parse(block), what, false);
    }

    private static Special unrouted(String block, String what) {
        return new Special(AddressBlock.parse(block), what, true);
    }

    /** Why the address is not on the public Internet, or null if it is. */
    public static String whyNotPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            InetAddress carried = carriedIpv4(bytes);
            if (carried != null) {
                String why = whyNotPublic(carried);
                return why == null ? null : "an IPv6 form of " + carried.getHostAddress() + ", " + why;
            }
        }
        AddressBlock single = AddressBlock.of(bytes, bytes.length * 8);
        for (Special special : BLOCKS) {
            if (special.block().overlaps(single)) {
                return special.what();
            }
        }
        return null;
    }

    /**
     * Why the block holds addresses that networks use privately (homes, the provider, the host
     * itself), or null if it holds none. Documentation and benchmarking blocks, which no real
     * network uses, are not counted.
     */
    public static String whyInPrivateUse(AddressBlock block) {
        for (Special special : BLOCKS) {
            if (!special.unrouted() && special.block().overlaps(block)) {
                return special.what();
            }
        }
        return null;
    }

    /** The IPv4 address an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address carries, or null. */
    private static InetAddress carriedIpv4(byte[] v6) {
        AddressBlock single = AddressBlock.of(v6, 128);
        int from;
        if (MAPPED.overlaps(single) || NAT64.overlaps(single)) {
            from = 12;
        } else if (SIX_TO_FOUR.overlaps(single)) {
            from = 2;
        } else {
            return null;
        }
        byte[] v4 = { v6[from], v6[from + 1], v6[from + 2], v6[from + 3] };
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
