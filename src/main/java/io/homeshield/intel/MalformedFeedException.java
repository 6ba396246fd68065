package io.homeshield.intel;

/** A feed that cannot be used as it is; the message says why, in words an analyst can act on. */
class MalformedFeedException extends RuntimeException {

    MalformedFeedException(String message) {
        super(message);
    }
}
