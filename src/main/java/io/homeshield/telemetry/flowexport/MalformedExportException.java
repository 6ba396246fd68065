package io.homeshield.telemetry.flowexport;

/** A datagram that is not valid NetFlow v9 or IPFIX; it is counted and ignored. */
class MalformedExportException extends RuntimeException {

    MalformedExportException(String message) {
        super(message, null, false, false);
    }
}
