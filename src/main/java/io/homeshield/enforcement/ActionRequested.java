package io.homeshield.enforcement;

import java.util.UUID;

/** Fired when an action joins the outbox; after the transaction commits, the dispatcher wakes up. */
record ActionRequested(UUID routerId) {
}
