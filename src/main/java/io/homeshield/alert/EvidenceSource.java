package io.homeshield.alert;

/**
 * Where the events behind a finding came from. Only the router's own channel is authenticated;
 * exported flow records arrive over UDP, whose source address anyone on the path can forge.
 */
public enum EvidenceSource {
    /** The router's own telemetry over HTTP or MQTT, sent with its credential. */
    ROUTER,
    /** Flow records exported by the router over UDP (IPFIX, NetFlow v9). */
    FLOW_EXPORT
}
