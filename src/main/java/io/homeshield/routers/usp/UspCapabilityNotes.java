package io.homeshield.routers.usp;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.RouterCapabilityNotes;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;

/** A USP router's note is the summary of the supported data model its agent last reported. */
@ApplicationScoped
class UspCapabilityNotes implements RouterCapabilityNotes {

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.USP;
    }

    @Override
    public Optional<String> noteFor(Router router) {
        if (router.managementAddress == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(UspAgent.<UspAgent>findById(router.managementAddress))
                .map(agent -> agent.capabilitySummary);
    }
}
