package io.homeshield.routers.genieacs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.quarkus.logging.Log;

/**
 * Puts one of HomeShield's provisions and its preset of the same name into the ACS: on first use by
 * this instance, so a new version replaces the old one, and again whenever the ACS no longer has them
 * (an ACS restored from a backup, or presets deleted by hand). The NBI's PUT replaces them whole.
 */
final class PresetInstaller {

    private final GenieAcsNbi nbi;
    private final String name;
    private final AtomicBoolean written = new AtomicBoolean();

    PresetInstaller(GenieAcsNbi nbi, String name) {
        this.nbi = nbi;
        this.name = name;
    }

    void ensureInstalled(Supplier<ObjectNode> preset) throws RouterControlException {
        if (written.get() && nbi.exists("presets", name) && nbi.exists("provisions", name)) {
            return;
        }
        nbi.putProvision(name, ProvisionScripts.load(name));
        nbi.putPreset(name, preset.get());
        written.set(true);
        Log.infof("Installed the GenieACS provision and preset %s", name);
    }
}
