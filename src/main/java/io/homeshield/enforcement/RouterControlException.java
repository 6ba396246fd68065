package io.homeshield.enforcement;

/**
 * A router or its management system refused or could not be reached. {@code retryable} says
 * whether trying again later may help (offline, timeout) or not (unsupported, invalid path).
 */
public class RouterControlException extends Exception {

    private final boolean retryable;

    public RouterControlException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public RouterControlException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
