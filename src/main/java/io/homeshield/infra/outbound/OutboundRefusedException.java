package io.homeshield.infra.outbound;

/** A destination HomeShield will not send to; the message says why, in words a person can act on. */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String why) {
        super(why, null, false, false);
    }
}
