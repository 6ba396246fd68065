package io.homeshield.infra.outbound;

import java.io.IOException;

/** An exchange with a peer that did not complete; the message says why in plain words. */
public class OutboundException extends IOException {

    /** Why the exchange did not complete. */
    public enum Kind {
        /** The guard refused the destination. */
        REFUSED,
        /** The host already has all its slots in use; nothing was sent. */
        BUSY,
        /** No complete answer within the deadline. */
        DEADLINE,
        /** The answer was larger than accepted. */
        TOO_LARGE,
        /** Connection or protocol failure. */
        FAILED
    }

    private final Kind kind;

    public OutboundException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
