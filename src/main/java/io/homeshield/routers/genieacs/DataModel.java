package io.homeshield.routers.genieacs;

/** The TR-069 data model a router speaks, which decides the parameter paths HomeShield uses. */
public enum DataModel {
    /** TR-181 Device:2, root {@code Device.}. */
    TR181,
    /** TR-098 InternetGatewayDevice:1, root {@code InternetGatewayDevice.}, for older routers. */
    TR098
}
