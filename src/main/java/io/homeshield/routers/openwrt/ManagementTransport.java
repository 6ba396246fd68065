package io.homeshield.routers.openwrt;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which ubus URLs HomeShield may speak to: https everywhere, plain http only to an address literal inside
 * one of the provider's listed management networks ({@code homeshield.openwrt.http-networks}). Host names
 * are never trusted for http, since what they resolve to can change after the check.
 */
@ApplicationScoped
public class ManagementTransport {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Network> httpNetworks;

    @Inject
    ManagementTransport(OpenWrtConfig config) {
        this(config.httpNetworks().orElse(List.of()));
    }

    ManagementTransport(List<String> httpNetworks) {
        this.httpNetworks = httpNetworks.stream().map(String::trim).filter(n -> !n.isEmpty())
                .map(ManagementTransport::parse).toList();
    }

    private record Network(byte[] base, int prefix) {
    }

    /** Why HomeShield will not use this ubus URL, or empty when it may. */
    public Optional<String> refusal(String address) {
        URI url;
        try {
            url = URI.create(address == null ? "" : address.trim());
        } catch (IllegalArgumentException notAUrl) {
            return Optional.of("must be the router's ubus URL, such as https://192.0.2.10/ubus");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            return Optional.of("must be the router's ubus URL, such as https://192.0.2.10/ubus");
        }
        if ("https".equals(url.getScheme()) || inHttpNetwork(url.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must use https; plain http is allowed only for addresses in the management networks "
                + "listed in homeshield.openwrt.http-networks");
    }

    private boolean inHttpNetwork(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (Network network : httpNetworks) {
            if (network.base().length == address.length && samePrefix(network.base(), address, network.prefix())) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int width = a.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        String base = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!IPV4.matcher(base).matches() && !base.contains(":")) {
            throw new IllegalArgumentException("homeshield.openwrt.http-networks: " + cidr + " is not a CIDR range");
        }
        try {
            byte[] address = InetAddress.getByName(base).getAddress();
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("homeshield.openwrt.http-networks: " + cidr + " has a wrong prefix");
            }
            return new Network(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("homeshield.openwrt.http-networks: " + cidr + " is not a CIDR range", e);
        }
    }
}
