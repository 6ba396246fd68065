package io.homeshield.routers.genieacs;

import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.quarkus.logging.Log;

/**
 * Keeps the watched settings fresh in the ACS: GenieACS's device documents hold the Inform parameters
 * and whatever a task last fetched, so a DNS server the router changed on its own would stay unseen.
 * The preset {@code homeshield-watch} (no precondition: every router, every session) runs the provision
 * of the same name, which reads {@code homeshield.genieacs.refreshed-parameters} from the router. Both are
 * written on first use by each HomeShield instance; the NBI's PUT replaces them whole.
 */
class WatchPreset {

    static final String NAME = "homeshield-watch";

    private final GenieAcsNbi nbi;
    private final GenieAcsConfig config;
    private final AtomicBoolean installed = new AtomicBoolean();

    WatchPreset(GenieAcsNbi nbi, GenieAcsConfig config) {
        this.nbi = nbi;
        this.config = config;
    }

    void ensureInstalled() throws RouterControlException {
        if (installed.get()) {
            return;
        }
        nbi.putProvision(NAME, ProvisionScripts.load(NAME));
        ObjectNode preset = nbi.newObject();
        preset.put("weight", 0).put("channel", "homeshield").put("precondition", "");
        ArrayNode args = preset.putArray("configurations").addObject().put("type", "provision").put("name", NAME)
                .putArray("args");
        config.refreshedParameters().forEach(args::add);
        nbi.putPreset(NAME, preset);
        installed.set(true);
        Log.infof("Installed the GenieACS provision and preset %s", NAME);
    }
}
