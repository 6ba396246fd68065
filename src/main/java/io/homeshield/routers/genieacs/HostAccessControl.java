package io.homeshield.routers.genieacs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.homeshield.net.MacAddress;

/** TR-181 {@code Device.Hosts.AccessControl.{i}.}: the router's per-host access table, as the ACS last read it. */
final class HostAccessControl {

    static final String OBJECT = "Device.Hosts.AccessControl";

    private HostAccessControl() {
    }

    /** One row: {@code AccessPolicy} is {@code Allow} or {@code Deny}. */
    record Entry(int instance, MacAddress physAddress, String accessPolicy, boolean enabled) {

        boolean denies() {
            return enabled && "Deny".equals(accessPolicy);
        }

        String path() {
            return OBJECT + "." + instance;
        }
    }

    /** The rows for {@code device}; a row whose address is not a MAC address is ignored. */
    static List<Entry> entriesFor(AcsDocument document, MacAddress device) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> instance : document.instances(OBJECT)) {
            JsonNode row = instance.getValue();
            String address = row.path("PhysAddress").path("_value").asText("");
            if (MacAddress.isValid(address) && MacAddress.of(address).equals(device)) {
                out.add(new Entry(instance.getKey(), device, row.path("AccessPolicy").path("_value").asText(""),
                        AcsDocument.isTrue(row.path("Enable"))));
            }
        }
        return out;
    }
}
