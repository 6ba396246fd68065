package io.homeshield.inventory;

/** How the provider manages a router, and so which adapter carries instructions to it. */
public enum ManagementChannel {
    /** The built-in simulated routers of the demo and the tests. */
    SIMULATED,
    /** TR-369 USP over MQTT. */
    USP,
    /** TR-069 through the GenieACS northbound interface. */
    GENIEACS,
    /** OpenWrt ubus JSON-RPC. */
    OPENWRT
}
