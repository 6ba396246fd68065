package io.homeshield.intel;

/** The provider's own indicators changed; the combined set is rebuilt once the change commits. */
record ProviderFeedChanged() {
}
