package io.homeshield.fleet;

import java.util.List;

/** Configuration changes just recorded, fired inside the recording transaction. */
public record ConfigChanged(List<ConfigChange> changes) {
}
