package io.homeshield.routers.openwrt;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.net.MacAddress;

/**
 * The firewall rules (fw4, {@code /etc/config/firewall}) that quarantine one device, named after its
 * MAC address so HomeShield finds them again:
 * <ul>
 * <li>internet only: {@code quarantine_<mac>} rejects the device's traffic from the LAN to the WAN;</li>
 * <li>full: {@code quarantine_<mac>} rejects its traffic from the LAN to every other zone (internet,
 * guest and other networks), and {@code quarantine_<mac>_router} rejects its traffic to the router
 * itself (DNS, DHCP, the router's pages). Devices on the same LAN bridge exchange frames without the
 * router's firewall, so those can still reach each other directly.</li>
 * </ul>
 */
final class QuarantineRules {

    static final String CONFIG = "firewall";
    static final String SETTINGS = "firewall settings";

    private QuarantineRules() {
    }

    static String forwardRule(MacAddress device) {
        return "quarantine_" + device.value().replace(":", "").toLowerCase(Locale.ROOT);
    }

    static String routerRule(MacAddress device) {
        return forwardRule(device) + "_router";
    }

    static void fillForward(ObjectNode values, MacAddress device, QuarantineLevel level) {
        values.put("name", "Quarantine").put("src", "lan").put("dest", level == QuarantineLevel.FULL ? "*" : "wan");
        values.putArray("src_mac").add(lowerCase(device));
        values.put("target", "REJECT").put("enabled", "1");
    }

    static void fillRouter(ObjectNode values, MacAddress device) {
        values.put("name", "Quarantine (router access)").put("src", "lan");
        values.putArray("src_mac").add(lowerCase(device));
        values.put("target", "REJECT").put("enabled", "1");
    }

    /** Whether a rule section as uci returns it rejects the device's traffic. */
    static boolean rejects(JsonNode rule, MacAddress device) {
        JsonNode macs = rule.path("src_mac");
        boolean matches = false;
        if (macs.isArray()) {
            for (JsonNode mac : macs) {
                matches |= MacAddress.isValid(mac.asText()) && MacAddress.of(mac.asText()).equals(device);
            }
        } else {
            matches = MacAddress.isValid(macs.asText()) && MacAddress.of(macs.asText()).equals(device);
        }
        return matches && "REJECT".equalsIgnoreCase(rule.path("target").asText())
                && !"0".equals(rule.path("enabled").asText("1"));
    }

    private static String lowerCase(MacAddress device) {
        return device.value().toLowerCase(Locale.ROOT);
    }
}
