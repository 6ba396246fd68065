package io.homeshield.routers.simulated;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.DomainBlocking;
import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceCollection;
import io.homeshield.enforcement.FactoryReset;
import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.FirmwareInstall;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.Quarantining;
import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterParameters;
import io.homeshield.enforcement.RouterRestart;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/**
 * {@link RouterControl} for the simulated routers: quarantine is a Deny entry in the router's
 * {@code Device.Hosts.AccessControl} table, as on a TR-181 router. The table blocks a host entirely,
 * so these routers offer full quarantine only. Their DNS relay blocks domains per router or per device.
 */
@ApplicationScoped
class SimulatedRouterControl implements Quarantining, DomainBlocking, RouterParameters, RouterRestart,
        FactoryReset, FirmwareInstall, EvidenceCollection {

    private final SimulatedRouters routers;

    SimulatedRouterControl(SimulatedRouters routers) {
        this.routers = routers;
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.SIMULATED;
    }

    @Override
    public void quarantine(RouterTarget router, MacAddress device,
            QuarantineLevel level) throws RouterControlException {
        reachable(router);
        if (level != QuarantineLevel.FULL) {
            throw new RouterControlException("This router model can only cut a device off entirely; "
                    + "internet-only isolation is not supported.", false);
        }
        routers.deny(router.id(), device);
    }

    @Override
    public void release(RouterTarget router, MacAddress device) throws RouterControlException {
        reachable(router);
        routers.allow(router.id(), device);
    }

    @Override
    public boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException {
        reachable(router);
        return routers.denies(router.id(), device);
    }

    @Override
    public void applyDomainBlocks(RouterTarget router, RouterBlocklist blocklist) throws RouterControlException {
        reachable(router);
        routers.replaceDomainBlocks(router.id(), blocklist);
    }

    @Override
    public RouterBlocklist domainBlocks(RouterTarget router) throws RouterControlException {
        reachable(router);
        return routers.domainBlocks(router.id());
    }

    @Override
    public void setParameters(RouterTarget router, Map<String, String> values) throws RouterControlException {
        reachable(router);
        values.forEach((path, value) -> routers.setParameter(router.id(), path, value));
    }

    @Override
    public Map<String, String> parameters(RouterTarget router, Collection<String> paths) throws RouterControlException {
        reachable(router);
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : paths) {
            String value = routers.parameter(router.id(), path);
            if (value != null) {
                values.put(path, value);
            }
        }
        return values;
    }

    @Override
    public void reboot(RouterTarget router) throws RouterControlException {
        reachable(router);
        routers.restart(router.id());
    }

    @Override
    public void factoryReset(RouterTarget router) throws RouterControlException {
        reachable(router);
        routers.factoryReset(router.id());
    }

    @Override
    public void installFirmware(RouterTarget router, FirmwareImage image) throws RouterControlException {
        reachable(router);
        routers.setParameter(router.id(), SimulatedRouters.SOFTWARE_VERSION, image.version());
        routers.restart(router.id());
    }

    /**
     * A Get of the whole {@code Device.} tree and the vendor log files; the simulated model has no configuration file.
     */
    @Override
    public EvidenceBundle collectEvidence(RouterTarget router) throws RouterControlException {
        reachable(router);
        EvidenceBundle.Builder evidence = EvidenceBundle.builder().parameters(routers.parameters(router.id()));
        Map<String, String> logs = routers.logFiles(router.id());
        logs.forEach((name, text) -> evidence.file("Vendor log file " + name, text));
        if (logs.isEmpty()) {
            evidence.notCollected("Vendor log file: the router keeps none.");
        }
        return evidence.notCollected("Configuration file: this router model cannot export one.").build();
    }

    @Override
    public boolean isBack(RouterTarget router) {
        return routers.isReachable(router.id());
    }

    private void reachable(RouterTarget router) throws RouterControlException {
        Duration answerTime = routers.answerTime(router.id());
        if (!answerTime.isZero()) {
            try {
                Thread.sleep(answerTime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RouterControlException("The router did not answer in time.", true);
            }
        }
        if (!routers.isReachable(router.id())) {
            throw new RouterControlException("The router did not answer; it may be switched off or offline.", true);
        }
    }
}
