package io.homeshield.enforcement;

import io.homeshield.net.MacAddress;

/** A router that can keep one device off the network and let it back on. */
public interface Quarantining extends RouterControl {

    /** Makes the router block the device; repeating it for a device already blocked changes nothing. */
    void quarantine(RouterTarget router, MacAddress device, QuarantineLevel level) throws RouterControlException;

    /** Lifts the router's block of the device; a device not blocked is left as it is. */
    void release(RouterTarget router, MacAddress device) throws RouterControlException;

    /** Reads the router back: whether it blocks the device now. */
    boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException;
}
