package io.homeshield.infra.outbound;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.net.IpAddress;

/**
 * The guard in front of every request HomeShield sends on someone's say-so (webhooks, threat
 * feeds, router management and firmware addresses): a URL is refused if it could reach into the
 * provider's own network, whether it says so plainly ({@code 10.0.0.1}), in disguise
 * ({@code 0x7f.1}, {@code [::ffff:127.0.0.1]}, {@code http://good@127.0.0.1}) or through DNS
 * (a name that resolves inward, checked again each time it is used). Receivers the provider runs
 * inside its network are permitted by the {@code homeshield.outbound.allow} list.
 */
@ApplicationScoped
public class OutboundTargets {

    static final int MAX_URL_LENGTH = 2000;
    private static final Pattern HOST_CHARS = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal",
            "metadata.tencentyun.com", "100-100-100-200.aliyun.com", "metadata.platformequinix.com",
            "metadata.packet.net", "kubernetes", "kubernetes.default");
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".local", ".internal",
            ".localdomain", ".home.arpa", ".lan", ".intranet", ".corp", ".home", ".svc", ".in-addr.arpa",
            ".ip6.arpa");

    private final List<AddressBlock> allowedBlocks = new ArrayList<>();
    private final List<String> allowedNames = new ArrayList<>();
    private final HostResolver resolver;

    @Inject
    OutboundTargets(OutboundConfig config, HostResolver resolver) {
        this(config.allow().orElse(List.of()), resolver);
    }

    /** A guard that permits these ranges and names; for use outside the container. */
    public OutboundTargets(List<String> allow, HostResolver resolver) {
        this.resolver = resolver;
        for (String entry : allow) {
            String value = entry.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (value.indexOf('/') > 0 || IpAddress.isValid(value)) {
                allowedBlocks.add(AddressBlock.parse(value));
            } else {
                allowedNames.add(value.startsWith("*.") ? value.substring(1) : value);
            }
        }
    }

    /**
     * The URL taken apart, if its form is one HomeShield sends to: http(s), a host written plainly
     * (a name, four decimal numbers, or a bracketed IPv6 address), no user name or password.
     * Says nothing yet about where the host is.
     */
    public OutboundTarget parse(String text, boolean httpAllowed) {
        if (text == null || text.isBlank()) {
            throw new OutboundRefusedException("must be an absolute https URL");
        }
        String value = text.strip();
        if (value.length() > MAX_URL_LENGTH) {
            throw new OutboundRefusedException("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new OutboundRefusedException("is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundRefusedException(scheme.isEmpty() ? "must be an absolute https URL"
                    : "must be an https URL; '" + scheme + ":' URLs are not sent to");
        }
        if (scheme.equals("http") && !httpAllowed) {
            throw new OutboundRefusedException("must use https: plain http is not permitted here");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new OutboundRefusedException("must name a host");
        }
        if (authority.indexOf('@') >= 0) {
            throw new OutboundRefusedException("must not carry a user name or password (the part before '@'"
                    + " hides which host is really called)");
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new OutboundRefusedException("has an IPv6 address without its closing ']'");
            }
            host = authority.substring(1, close).toLowerCase(Locale.ROOT);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new OutboundRefusedException("has text after the IPv6 address");
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        int port = port(portText, scheme);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (authority.startsWith("[")) {
            return new OutboundTarget(scheme, host, port, pathAndQuery, ipv6Literal(host));
        }
        host = plainHost(host);
        InetAddress literal = null;
        if (IpAddress.isValid(host)) {
            literal = literal(host);
        } else {
            String[] labels = host.split("\\.", -1);
            if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
                throw new OutboundRefusedException(numericForm(host));
            }
        }
        return new OutboundTarget(scheme, host, port, pathAndQuery, literal);
    }

    /** {@link #parse} and the host's place: refused if it is, or is named as, inside a private network. */
    public OutboundTarget checked(String text, boolean httpAllowed) {
        OutboundTarget target = parse(text, httpAllowed);
        if (target.literal() != null) {
            refuseIfInternal(target.literal(), null);
        } else if (!allowedName(target.host())) {
            String why = whyNameIsInternal(target.host());
            if (why != null) {
                throw new OutboundRefusedException(why);
            }
        }
        return target;
    }

    /**
     * The address to connect to for {@code target}: its literal, or the first address its name
     * resolves to now, once every address the name resolves to has been checked. The caller
     * connects to exactly this address, so a name that answers differently a moment later cannot
     * slip past the check.
     */
    public InetAddress connectable(OutboundTarget target) {
        OutboundTarget checked = checked(target.url(), true);
        if (checked.literal() != null) {
            return checked.literal();
        }
        List<InetAddress> addresses = resolve(target.host());
        if (!allowedName(target.host())) {
            for (InetAddress address : addresses) {
                refuseIfInternal(address, target.host());
            }
        }
        return addresses.get(0);
    }

    /** Every address {@code host} resolves to now; refused if it resolves to none. */
    public List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("the name " + host + " does not resolve");
        }
    }

    /** Whether the provider permitted this target by name, or by its address if it is written as one. */
    public boolean permitted(OutboundTarget target) {
        return target.literal() != null ? allowListed(target.literal()) : allowedName(target.host());
    }

    /** Whether the provider permitted this address although it is not on the public Internet. */
    public boolean allowListed(InetAddress address) {
        return allowedBlocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * Refuses an address that is not on the public Internet, unless allow-listed; {@code host} is the name it came
     * from, if any.
     */
    private void refuseIfInternal(InetAddress address, String host) {
        if (allowListed(address)) {
            return;
        }
        String why = SpecialAddresses.whyNotPublic(address);
        if (why != null) {
            String shown = address.getHostAddress();
            throw new OutboundRefusedException((host == null ? shown : host + " resolves to " + shown) + " ("
                    + why + "), which is not sent to");
        }
    }

    private boolean allowedName(String host) {
        for (String allowed : allowedNames) {
            if (allowed.startsWith(".") ? host.endsWith(allowed) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** Why a host name by its form alone belongs to a private network, or null. */
    static String whyNameIsInternal(String host) {
        if (METADATA_NAMES.contains(host)) {
            return host + " is a cloud metadata service, which is not sent to";
        }
        if (host.equals("localhost")) {
            return "localhost is this machine, which is not sent to";
        }
        if (host.indexOf('.') < 0) {
            return "'" + host + "' is a name without a domain, which only resolves inside a private network";
        }
        for (String suffix : INTERNAL_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return host + " is a name in a private network (" + suffix.substring(1) + "), which is not sent to";
            }
        }
        return null;
    }

    private static int port(String text, String scheme) {
        if (text == null || text.isEmpty()) {
            return scheme.equals("https") ? 443 : 80;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535 && text.chars().allMatch(Character::isDigit)) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new OutboundRefusedException("has no valid port ('" + text + "')");
    }

    private static String plainHost(String raw) {
        String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (host.indexOf('%') >= 0) {
            throw new OutboundRefusedException("has an escaped host name; write the host plainly");
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException("has a host name that is not valid");
        }
        if (host.isEmpty() || !HOST_CHARS.matcher(host).matches() || host.contains("..") || host.startsWith(".")) {
            throw new OutboundRefusedException("has a host name that is not valid");
        }
        return host;
    }

    private static InetAddress ipv6Literal(String host) {
        if (host.indexOf('%') >= 0) {
            throw new OutboundRefusedException("must not name a network interface (zone) in the address");
        }
        if (host.indexOf(':') < 0 || !IPV6_CHARS.matcher(host).matches()) {
            throw new OutboundRefusedException("has a bracketed host that is not an IPv6 address");
        }
        return literal(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("has an address that is not valid ('" + address + "')");
        }
    }

    /** Why a host written as a number in another notation is refused (what it would reach, if it can tell). */
    private static String numericForm(String host) {
        InetAddress meant = InetAtonForm.read(host);
        if (meant == null) {
            return "has a host name that is not valid ('" + host + "')";
        }
        String why = SpecialAddresses.whyNotPublic(meant);
        return "'" + host + "' is the address " + meant.getHostAddress() + " in another notation"
                + (why == null ? "" : ", " + why) + "; addresses are accepted as four decimal numbers only";
    }
}
