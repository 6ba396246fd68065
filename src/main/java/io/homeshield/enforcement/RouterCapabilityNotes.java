package io.homeshield.enforcement;

import java.util.Optional;

import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;

/**
 * What a router cannot do for HomeShield, in plain words, as its adapter last learnt it from the router
 * itself (a USP agent's supported data model, say). Read from what is stored; never asks the router,
 * so a page can show it at once.
 */
public interface RouterCapabilityNotes {

    ManagementChannel channel();

    /** The plain-words note for the router's page, or empty while the adapter has learnt nothing yet. */
    Optional<String> noteFor(Router router);
}
