package io.homeshield.portal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.homeshield.activity.HouseholdChangeFeed;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.LiveStreams;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.web.PageLocale;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Server-Sent Events for the signed-in person's household: an alert opened, an action moved on.
 * Pages refresh what they show; the message is a sentence in the person's language, empty when they
 * asked not to be told (notification settings).
 */
@Path("/portal/live")
class LiveEvents {

    /** One event as the page's script reads it. */
    record LiveMessage(String kind, UUID id, UUID deviceId, String state, String message) {
    }

    private final CurrentHousehold current;
    private final HouseholdChangeFeed feed;
    private final DeviceQueries devices;
    private final PageLocale pageLocale;
    private final LiveStreams streams;

    LiveEvents(CurrentHousehold current, HouseholdChangeFeed feed, DeviceQueries devices, PageLocale pageLocale,
            LiveStreams streams) {
        this.current = current;
        this.feed = feed;
        this.devices = devices;
        this.pageLocale = pageLocale;
        this.streams = streams;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveMessage> stream() {
        HouseholdId household = current.require();
        HouseholdMember me = current.membership().orElseThrow();
        Locale locale = pageLocale.locale();
        Map<UUID, String> names = devices.list(household).stream()
                .collect(Collectors.toMap(d -> d.id, Device::displayName, (a, b) -> a));
        LiveMessages messages = new LiveMessages(PortalBundles.messages(locale), PortalBundles.alerts(locale),
                me.notifyLevel, names);
        // ends when the person leaves the household or their sign-in ends; the page's EventSource reconnects
        return streams.hold(me, current.credentialExpiry(), feed.changes(household).map(change -> new LiveMessage(
                change.kind(), change.id(), change.deviceId(), change.state(), messages.sentence(change))));
    }
}
