package io.homeshield.intel;

import java.net.InetAddress;
import java.net.UnknownHostException;

import com.google.common.net.InternetDomainName;

import io.homeshield.infra.outbound.AddressBlock;
import io.homeshield.infra.outbound.SpecialAddresses;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * What a feed entry may not condemn, as analysts' input may not: a range wider than the widest
 * allowed prefix, a public suffix or bare top-level name (every name under it would match), or
 * addresses homes and the provider's network use themselves (private, loopback, link-local, CGNAT,
 * multicast, unique-local). One such entry would cut households off from their own network or from
 * half the Internet; it is refused, and a feed with too many of them is refused whole.
 *
 * @param widestIpv4 shortest IPv4 prefix length accepted (16: at most a /16)
 * @param widestIpv6 shortest IPv6 prefix length accepted
 */
record FeedEntryRules(int widestIpv4, int widestIpv6) {

    FeedEntryRules {
        if (widestIpv4 < 1 || widestIpv4 > 32 || widestIpv6 < 1 || widestIpv6 > 128) {
            throw new IllegalArgumentException("the widest ranges are prefix lengths 1-32 (IPv4) and 1-128 (IPv6)");
        }
    }

    /** Why a feed may not list this name, or null. */
    String whyRefused(DomainName name) {
        if (name.parent() == null) {
            return "'" + name + "' is a top-level name, under which every name would match";
        }
        String value = name.value();
        if (InternetDomainName.isValid(value) && InternetDomainName.from(value).isPublicSuffix()) {
            return "'" + name + "' is a public suffix, under which every subscriber's names would match";
        }
        return null;
    }

    /** Why a feed may not list this address, or null. */
    String whyRefused(IpAddress address) {
        try {
            InetAddress literal = InetAddress.getByName(address.value());
            String why = SpecialAddresses.whyInPrivateUse(AddressBlock.of(literal));
            return why == null ? null : address + " is " + why;
        } catch (UnknownHostException e) {
            return address + " is not an address";
        }
    }

    /** Why a feed may not list this range, or null. */
    String whyRefused(Cidr range) {
        int widest = range.v6() ? widestIpv6 : widestIpv4;
        if (range.length() < widest) {
            return "the range " + range + " is wider than a /" + widest;
        }
        String why = SpecialAddresses.whyInPrivateUse(new AddressBlock(range.v6(), range.high(), range.low(),
                range.length()));
        return why == null ? null : "the range " + range + " holds " + why;
    }
}
