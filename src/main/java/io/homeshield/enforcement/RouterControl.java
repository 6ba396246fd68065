package io.homeshield.enforcement;

import io.homeshield.inventory.ManagementChannel;

/**
 * The port through which desired state reaches a router. One adapter per management channel
 * (simulated, USP, GenieACS, OpenWrt); the dispatcher picks it by the router's channel and never
 * calls it inside a database transaction. What else a router can do is the capabilities its
 * adapter implements ({@link Quarantining}, {@link DomainBlocking}, {@link RouterParameters},
 * {@link RouterRestart}, {@link FactoryReset}, {@link FirmwareInstall}, {@link EvidenceCollection});
 * {@link RouterControls} refuses in plain words what it does not.
 */
public interface RouterControl {

    /** Why a restart or reset is not confirmed yet: the router has not answered since. */
    String NOT_BACK = "the router has not come back online";

    String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";

    ManagementChannel channel();

    /**
     * The firmware version the router runs now ({@code Device.DeviceInfo.SoftwareVersion}); every
     * channel can read it, which is also how HomeShield knows the router answers.
     */
    String firmwareVersion(RouterTarget router) throws RouterControlException;

    /** Whether the router answers its management channel again (after a restart or reset). */
    default boolean isBack(RouterTarget router) {
        try {
            firmwareVersion(router);
            return true;
        } catch (RouterControlException e) {
            return false;
        }
    }
}
