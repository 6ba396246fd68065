package io.homeshield.infra.outbound;

import java.time.Duration;
import java.util.Map;

/**
 * One request to a peer: the method, where, its headers and body, the deadline for the whole
 * exchange (connecting, sending, and reading the answer to its end), and the most answer bytes
 * kept (0: the answer is read to its end but not kept).
 */
public record OutboundRequest(String method, OutboundTarget target, Map<String, String> headers, byte[] body,
        Duration deadline, long keepBytes) {

    public OutboundRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
