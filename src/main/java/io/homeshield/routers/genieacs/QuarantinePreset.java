package io.homeshield.routers.genieacs;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.net.MacAddress;

/**
 * Keeps quarantines in force in the ACS itself, between HomeShield's own calls: a router carries the
 * tag {@code quarantine} plus one {@code quarantine_<MAC>} tag per quarantined device, and the preset
 * {@code homeshield-quarantine} (precondition: the {@code quarantine} tag) runs the provision of the same
 * name in every session, which declares a denying {@code Device.Hosts.AccessControl} entry per tagged
 * device, matching MAC addresses in any letter case. {@link PresetInstaller} keeps both in the ACS.
 */
class QuarantinePreset {

    static final String NAME = "homeshield-quarantine";
    static final String TAG = "quarantine";
    private static final String TAG_PREFIX = "quarantine_";

    private final GenieAcsNbi nbi;
    private final PresetInstaller installer;

    QuarantinePreset(GenieAcsNbi nbi) {
        this.nbi = nbi;
        this.installer = new PresetInstaller(nbi, NAME);
    }

    void ensureInstalled() throws RouterControlException {
        installer.ensureInstalled(() -> {
            ObjectNode preset = nbi.newObject();
            preset.put("weight", 0).put("channel", "homeshield").put("precondition", "Tags." + TAG + " IS NOT NULL");
            preset.putArray("configurations").addObject().put("type", "provision").put("name", NAME).putArray("args");
            return preset;
        });
    }

    /** Marks the device as quarantined on the router, so the ACS re-applies it in every session. */
    void tag(String deviceId, MacAddress device) throws RouterControlException {
        nbi.addTag(deviceId, tagOf(device));
        nbi.addTag(deviceId, TAG);
    }

    /** Stops the ACS re-applying the device's quarantine; the router keeps its tag while other devices remain. */
    void untag(String deviceId, MacAddress device, AcsDocument document) throws RouterControlException {
        String own = tagOf(device);
        if (document.tags().contains(own)) {
            nbi.removeTag(deviceId, own);
        }
        boolean othersRemain = document.tags().stream().anyMatch(t -> t.startsWith(TAG_PREFIX) && !t.equals(own));
        if (!othersRemain && document.tags().contains(TAG)) {
            nbi.removeTag(deviceId, TAG);
        }
    }

    static String tagOf(MacAddress device) {
        return TAG_PREFIX + device.value().replace(":", "");
    }
}
