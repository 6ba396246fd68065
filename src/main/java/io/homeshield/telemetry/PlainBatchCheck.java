package io.homeshield.telemetry;

import java.util.List;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/**
 * The wire records' constraints checked by hand, for the common case of a batch that is valid.
 * Bean validation costs microseconds per event (property paths, reachability checks); this costs
 * tens of nanoseconds. It only ever answers "certainly valid" or "ask bean validation", which then
 * names every violation, so it must never pass what the annotations refuse
 * ({@code PlainBatchCheckTest} holds it to that).
 */
final class PlainBatchCheck {

    private static final long MAX_TCP_SEQ = 4_294_967_295L;

    private PlainBatchCheck() {
    }

    static boolean certainlyValid(TelemetryBatch batch) {
        if (batch.routerId() == null || batch.sequence() == null || batch.sequence() < 0 || batch.sentAt() == null
                || batch.events() == null) {
            return false;
        }
        for (TelemetryEvent event : batch.events()) {
            boolean valid;
            if (event instanceof FlowEvent flow) {
                valid = valid(flow);
            } else if (event instanceof DnsEvent dns) {
                valid = valid(dns);
            } else if (event instanceof HostEvent host) {
                valid = valid(host);
            } else if (event instanceof ConfigEvent config) {
                valid = valid(config);
            } else {
                valid = false;
            }
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(FlowEvent flow) {
        String protocol = flow.protocol();
        return isMac(flow.mac()) && ("tcp".equals(protocol) || "udp".equals(protocol) || "icmp".equals(protocol))
                && flow.dstIp() != null && isIp(flow.dstIp())
                && (flow.dstPort() == null || (flow.dstPort() >= 0 && flow.dstPort() <= 65_535))
                && flow.bytesOut() >= 0 && flow.bytesIn() >= 0 && flow.packetsOut() >= 0 && flow.packetsIn() >= 0
                && flow.start() != null && (flow.durationMs() == null || flow.durationMs() >= 0)
                && (flow.tcpSeq() == null || (flow.tcpSeq() >= 0 && flow.tcpSeq() <= MAX_TCP_SEQ))
                && validDirection(flow);
    }

    /** What {@code FlowDirection} requires: an inbound flow names its remote host (and its port, for tcp and udp). */
    private static boolean validDirection(FlowEvent flow) {
        String direction = flow.direction();
        if (direction == null || FlowEvent.OUTBOUND.equals(direction)) {
            return flow.srcIp() == null && flow.srcPort() == null;
        }
        return FlowEvent.INBOUND.equals(direction) && flow.srcIp() != null && isIp(flow.srcIp())
                && (flow.srcPort() == null || (flow.srcPort() >= 0 && flow.srcPort() <= 65_535))
                && (flow.dstPort() != null || "icmp".equals(flow.protocol()));
    }

    private static boolean valid(DnsEvent dns) {
        if (!isMac(dns.mac()) || dns.query() == null || !isDnsName(dns.query()) || longer(dns.qtype(), 16)
                || longer(dns.rcode(), 16)) {
            return false;
        }
        List<String> answers = dns.answers();
        if (answers != null) {
            if (answers.size() > 64) {
                return false;
            }
            for (String answer : answers) {
                if (longer(answer, 255)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean valid(HostEvent host) {
        return isMac(host.mac()) && (host.ip() == null || isIp(host.ip())) && !longer(host.hostname(), 255)
                && host.active() != null;
    }

    private static boolean valid(ConfigEvent config) {
        String source = config.source();
        return config.path() != null && !config.path().isBlank() && !config.path().trim().isEmpty()
                && !longer(config.path(), 256) && !longer(config.oldValue(), 1024) && !longer(config.newValue(), 1024)
                && (source == null || source.equals("user") || source.equals("acs") || source.equals("controller")
                        || source.equals("unknown"));
    }

    private static boolean longer(String text, int max) {
        return text != null && text.length() > max;
    }

    /** Six hex octets with one consistent separator (colon, dash or none), as {@link MacAddress} accepts. */
    static boolean isMac(String text) {
        if (text == null) {
            return false;
        }
        if (text.length() == 17) {
            char separator = text.charAt(2);
            if (separator != ':' && separator != '-') {
                return false;
            }
            for (int i = 0; i < 17; i++) {
                char c = text.charAt(i);
                if (i % 3 == 2 ? c != separator : !isHex(c)) {
                    return false;
                }
            }
            return true;
        }
        return text.length() == 12 && MacAddress.isValid(text);
    }

    /** {@link IpAddress#isValid} checks a dotted quad without parsing and refuses a name without an exception. */
    static boolean isIp(String text) {
        return IpAddress.isValid(text);
    }

    /** Plain lower-or-upper-case ASCII names are checked here; anything else (IDN, odd forms) by {@link DomainName}. */
    static boolean isDnsName(String text) {
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == '.') {
            length--;
        }
        if (length == 0 || length > 253 || !DomainName.hasPlainLabels(text, length, true)) {
            return slowDnsName(text);
        }
        return true;
    }

    private static boolean slowDnsName(String text) {
        try {
            DomainName.of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
