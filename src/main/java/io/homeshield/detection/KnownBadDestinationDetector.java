package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.Indicator;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;

/**
 * Flags contact with destinations the threat intelligence lists: a lookup of a listed name (or a
 * subdomain of one), an answer pointing at a listed address, a connection to a listed address.
 */
@ApplicationScoped
class KnownBadDestinationDetector implements Detector {

    private final ThreatIntel intel;

    KnownBadDestinationDetector(ThreatIntel intel) {
        this.intel = intel;
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        for (DnsEvent lookup : activity.lookups()) {
            Instant at = activity.timeOf(lookup);
            DomainName name = DomainName.of(lookup.query());
            intel.match(name).ifPresent(hit -> findings.accept(
                    finding(activity, hit, "looked up " + name.value(), at)));
            if (lookup.answers() != null && !"NXDOMAIN".equals(lookup.rcode())) {
                for (String answer : lookup.answers()) {
                    addressHit(answer).ifPresent(hit -> findings.accept(
                            finding(activity, hit, "looked up " + name.value() + ", which points to " + hit.value(),
                                    at)));
                }
            }
        }
        List<FlowEvent> flows = activity.flows();
        for (int i = 0; i < flows.size(); i++) {
            FlowEvent flow = flows.get(i);
            long v4 = activity.destinations().ipv4(i);
            Optional<Indicator> listed = v4 >= 0 ? intel.matchIpv4(v4, flow.dstIp())
                    : intel.match(IpAddress.of(flow.dstIp()));
            listed.ifPresent(hit -> findings.accept(
                    finding(activity, hit, "connected to " + describe(flow), flow.start())));
        }
    }

    private Optional<Indicator> addressHit(String answer) {
        return IpAddress.isValid(answer) ? intel.match(IpAddress.of(answer)) : Optional.empty();
    }

    private static Finding finding(DeviceActivity activity, Indicator hit, String observed, Instant at) {
        Map<String, Object> evidence = Map.of(
                "indicator", hit.value(),
                "indicatorKind", hit.kind().name().toLowerCase(Locale.ROOT),
                "feed", hit.feed(),
                "observed", observed);
        return new Finding(activity.device(), AlertType.KNOWN_BAD_DESTINATION,
                hit.kind().name().toLowerCase(Locale.ROOT) + ":" + hit.value(), hit.value(), evidence, at, at, 1);
    }

    private static String describe(FlowEvent flow) {
        return flow.dstPort() == null ? flow.dstIp() + " (" + flow.protocol() + ")"
                : flow.dstIp() + " port " + flow.dstPort() + "/" + flow.protocol();
    }
}
