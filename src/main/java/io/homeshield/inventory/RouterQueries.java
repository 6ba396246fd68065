package io.homeshield.inventory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads of routers across the fleet by id, for the provider's staff; subscribers read theirs through
 * {@link DeviceQueries}.
 */
@ApplicationScoped
public class RouterQueries {

    /** The router with this id, or empty. */
    public Optional<Router> router(UUID id) {
        return Router.findByIdOptional(id);
    }
}
