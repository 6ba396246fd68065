package io.homeshield.infra.outbound;

import java.util.Map;
import java.util.Optional;

/** A peer's complete answer: status, headers (first value of each, names in lower case) and the body kept. */
public record OutboundResponse(int status, Map<String, String> headers, byte[] body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
