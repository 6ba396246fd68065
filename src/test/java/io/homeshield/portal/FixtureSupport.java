package io.homeshield.portal;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.telemetry.RouterCredentials;
import io.quarkus.arc.Unremovable;

/**
 * {@code Fixtures} looks {@link RouterCredentials} up programmatically, which unused-bean removal
 * cannot see; until the application itself injects it somewhere, this keeps it in the test build.
 */
@ApplicationScoped
@Unremovable
class FixtureSupport {

    FixtureSupport(RouterCredentials credentials) {
    }
}
