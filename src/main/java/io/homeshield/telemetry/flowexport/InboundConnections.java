package io.homeshield.telemetry.flowexport;

import io.homeshield.net.IpAddress;

/**
 * Tells, from a record whose destination is a LAN device, whether a remote host opened a connection
 * to a service of the device (a port forward) or merely answered the device's own connection. An
 * exporter sends each direction as its own record and marks neither as the opener (softflowd orders
 * a connection's two ends by address), so the ports decide, as flow tools do without a SYN to go
 * by: the service is the port below the ephemeral range that clients pick from (32768 and up on
 * Linux, Android and BSD, 49152 and up on Windows and macOS) and below the remote's port. An answer
 * to the device's own connection comes from the server's port to the device's ephemeral one; a
 * reset or a lone SYN-ACK from a host the device scanned carries no conversation, so an opened
 * connection must also have carried at least three packets from the remote (handshake, data, close).
 * Only TCP is judged: guessing logins needs connections.
 */
final class InboundConnections {

    /** Where client ports start on most systems; services listen below it. */
    static final int EPHEMERAL_START = 32_768;
    private static final int MIN_PACKETS = 3;

    private InboundConnections() {
    }

    /** Whether the record, remote host to device, is a connection the remote opened to a service of the device. */
    static boolean opensService(FlowRecord towardsDevice) {
        Integer service = towardsDevice.destinationPort();
        Integer client = towardsDevice.sourcePort();
        return towardsDevice.protocol() == FlowRecord.TCP && service != null && client != null
                && service < EPHEMERAL_START && service < client && towardsDevice.packets() >= MIN_PACKETS;
    }

    /** The key of one end-to-end connection, the same whichever direction's record it is read from. */
    record Ends(IpAddress device, int devicePort, IpAddress remote, int remotePort) {

        static Ends ofInbound(FlowRecord towardsDevice) {
            return new Ends(towardsDevice.destination(), towardsDevice.destinationPort(),
                    towardsDevice.source(), towardsDevice.sourcePort());
        }

        /** For a record the device sent; null without ports. */
        static Ends ofDeviceSide(FlowRecord fromDevice) {
            if (fromDevice.protocol() != FlowRecord.TCP || fromDevice.sourcePort() == null
                    || fromDevice.destinationPort() == null) {
                return null;
            }
            return new Ends(fromDevice.source(), fromDevice.sourcePort(), fromDevice.destination(),
                    fromDevice.destinationPort());
        }
    }
}
