package io.homeshield.enforcement;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/**
 * The port through which desired state reaches a router. One adapter per management channel
 * (simulated, USP, GenieACS, OpenWrt); the dispatcher picks it by the router's channel and never
 * calls it inside a database transaction.
 */
public interface RouterControl {

    ManagementChannel channel();

    /** Makes the router block the device; repeating it for a device already blocked changes nothing. */
    void quarantine(RouterTarget router, MacAddress device, QuarantineLevel level) throws RouterControlException;

    /** Lifts the router's block of the device; a device not blocked is left as it is. */
    void release(RouterTarget router, MacAddress device) throws RouterControlException;

    /** Reads the router back: whether it blocks the device now. */
    boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException;

    /**
     * Replaces the domains the router blocks on HomeShield's behalf with {@code blocklist} (an empty
     * list lifts them all). Routers whose management model has no way to do it refuse for good.
     */
    default void applyDomainBlocks(RouterTarget router, RouterBlocklist blocklist) throws RouterControlException {
        throw domainBlockingUnsupported();
    }

    /** Reads back the domains the router blocks on HomeShield's behalf. */
    default RouterBlocklist domainBlocks(RouterTarget router) throws RouterControlException {
        throw domainBlockingUnsupported();
    }

    /** Why a restart or reset is not confirmed yet: the router has not answered since. */
    String NOT_BACK = "the router has not come back online";

    /**
     * Sets parameters of the router's data model (full TR-181 paths to values) in one change: the
     * router takes all of them or none.
     */
    default void setParameters(RouterTarget router, Map<String, String> values) throws RouterControlException {
        throw unsupported("change its settings");
    }

    /** Reads parameters back; a path the router does not have is missing from the answer. */
    default Map<String, String> parameters(RouterTarget router,
            Collection<String> paths) throws RouterControlException {
        throw unsupported("report its settings");
    }

    default void reboot(RouterTarget router) throws RouterControlException {
        throw unsupported("be restarted");
    }

    default void factoryReset(RouterTarget router) throws RouterControlException {
        throw unsupported("be reset to factory settings");
    }

    /** Tells the router to download and install the image; it restarts on its own afterwards. */
    default void installFirmware(RouterTarget router, FirmwareImage image) throws RouterControlException {
        throw unsupported("install firmware");
    }

    /**
     * Collects evidence from the router without changing anything on it: its data model or
     * configuration, the files it hands over, and in plain words what it cannot give.
     */
    default EvidenceBundle collectEvidence(RouterTarget router) throws RouterControlException {
        throw unsupported("hand over evidence");
    }

    /** The firmware version the router runs now ({@code Device.DeviceInfo.SoftwareVersion}). */
    default String firmwareVersion(RouterTarget router) throws RouterControlException {
        return parameters(router, List.of(SOFTWARE_VERSION)).get(SOFTWARE_VERSION);
    }

    /** Whether the router answers its management channel again (after a restart or reset). */
    default boolean isBack(RouterTarget router) {
        try {
            firmwareVersion(router);
            return true;
        } catch (RouterControlException e) {
            return false;
        }
    }

    String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";

    static RouterControlException unsupported(String what) {
        return new RouterControlException("This router model cannot " + what + " through HomeShield.", false);
    }

    static RouterControlException domainBlockingUnsupported() {
        return new RouterControlException("This router model cannot block domains; blocking a device works.", false);
    }
}
