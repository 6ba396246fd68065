package io.homeshield.api.v1;

/**
 * An answer that holds a secret shown only once (a webhook's signing secret, an invitation's link).
 * The idempotency store keeps, and a retry gets back, the answer without it: a secret is never
 * stored twice, and an Idempotency-Key is not a way to read it again.
 */
interface ShownOnce {

    /** The same answer with the secret left out. */
    Object withoutSecret();
}
