package io.homeshield.routers.usp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.homeshield.net.MacAddress;

/** One instance of the router's {@code Device.Hosts.AccessControl.{i}.} table, as its agent reports it. */
record AccessControlRow(String path, String alias, String physAddress, boolean enable, String accessPolicy) {

    /** HomeShield names its own entries so; the standard keeps {@code cpe-} for the router's. */
    static final String OWN_ALIAS_PREFIX = "homeshield-";

    static List<AccessControlRow> of(Map<String, Map<String, String>> instances) {
        List<AccessControlRow> rows = new ArrayList<>(instances.size());
        instances.forEach((path, params) -> rows.add(new AccessControlRow(path, params.getOrDefault("Alias", ""),
                params.getOrDefault("PhysAddress", ""),
                Boolean.parseBoolean(params.get("Enable")) || "1".equals(params.get("Enable")),
                params.getOrDefault("AccessPolicy", ""))));
        return rows;
    }

    /** Routers differ in how they write a MAC address; compare the normalised form. */
    boolean isFor(MacAddress device) {
        return MacAddress.isValid(physAddress) && MacAddress.of(physAddress).equals(device);
    }

    boolean denies() {
        return enable && "Deny".equals(accessPolicy);
    }

    /** An entry HomeShield created; any other belongs to the router's owner and is never deleted. */
    boolean isHomeShields() {
        return alias.startsWith(OWN_ALIAS_PREFIX);
    }
}
