package io.homeshield.enforcement;

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
    default void applyDomainBlocks(RouterTarget router, DomainBlocklist blocklist) throws RouterControlException {
        throw domainBlockingUnsupported();
    }

    /** Reads back the domains the router blocks on HomeShield's behalf. */
    default DomainBlocklist domainBlocks(RouterTarget router) throws RouterControlException {
        throw domainBlockingUnsupported();
    }

    static RouterControlException domainBlockingUnsupported() {
        return new RouterControlException("This router model cannot block domains; blocking a device works.", false);
    }
}
