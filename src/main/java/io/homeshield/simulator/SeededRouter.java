package io.homeshield.simulator;

import java.util.UUID;

/** A demo router ready to post: its id, the ingest secret issued to it at start, and its next sequence number. */
record SeededRouter(UUID routerId, String secret, long nextSequence, DemoHousehold household) {

    @Override
    public String toString() {
        return "SeededRouter[" + household.accountNumber() + ", router " + routerId + ", next " + nextSequence + "]";
    }
}
