package io.homeshield.routers.genieacs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;

/**
 * Keeps the watched settings fresh in the ACS: GenieACS's device documents hold the Inform parameters
 * and whatever a task last fetched, so a DNS server the router changed on its own would stay unseen.
 * The preset {@code homeshield-watch} (no precondition: every router, every session) runs the provision
 * of the same name, which reads {@code homeshield.genieacs.refreshed-parameters} from the router.
 * {@link PresetInstaller} keeps both in the ACS.
 */
class WatchPreset {

    static final String NAME = "homeshield-watch";

    private final GenieAcsNbi nbi;
    private final GenieAcsConfig config;
    private final PresetInstaller installer;

    WatchPreset(GenieAcsNbi nbi, GenieAcsConfig config) {
        this.nbi = nbi;
        this.config = config;
        this.installer = new PresetInstaller(nbi, NAME);
    }

    void ensureInstalled() throws RouterControlException {
        installer.ensureInstalled(() -> {
            ObjectNode preset = nbi.newObject();
            preset.put("weight", 0).put("channel", "homeshield").put("precondition", "");
            ArrayNode args = preset.putArray("configurations").addObject().put("type", "provision").put("name", NAME)
                    .putArray("args");
            config.refreshedParameters().forEach(args::add);
            return preset;
        });
    }
}
