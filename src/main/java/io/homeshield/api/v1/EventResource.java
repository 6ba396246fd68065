package io.homeshield.api.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.homeshield.activity.HouseholdChange;
import io.homeshield.activity.HouseholdChangeFeed;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.LiveStreams;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/events")
@RolesAllowed("subscriber")
@Tag(name = "Events", description = "What changes in the household, as it happens")
public class EventResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String RESET = "reset";

    private final CurrentHousehold current;
    private final HouseholdChangeFeed feed;
    private final LiveStreams streams;

    EventResource(CurrentHousehold current, HouseholdChangeFeed feed, LiveStreams streams) {
        this.current = current;
        this.feed = feed;
        this.streams = streams;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamEvents",
            summary = "Stream the household's events", description = "Server-Sent Events (text/event-stream),"
            + " one JSON object per event: an alert raised or moved to another status, an action moved on"
            + " (requested, applied, verified, failed). Same source as the portal's live updates. Send the bearer"
            + " token as for any other call.\n\n"
            + "Each event has an `id:`. Reconnect with the last one received in the `Last-Event-ID` header (as"
            + " EventSource does by itself) and the stream first replays what changed in the household since then,"
            + " oldest first: the latest state of each alert and action that changed, up to an hour back and at"
            + " most " + HouseholdChangeFeed.REPLAY_MAX + " events; then live events follow. When it cannot replay"
            + " everything (an unknown or older id, or more changes than that) it first sends an event named"
            + " `reset`: read the lists again. An event may arrive twice around a reconnect; its id tells.\n\n"
            + "The stream ends when the token expires or the person is removed from the household (reconnect with a"
            + " fresh token). A person may hold a few streams open at once; one more is answered 429.")
    @APIResponse(responseCode = "200", description = "The stream; it stays open",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = HouseholdEventDto.class),
                    examples = @ExampleObject(name = "an action applied", value = ApiExamples.EVENT)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "The id of the last event received; the stream starts with what changed since")
            @HeaderParam(LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        HouseholdId household = current.require();
        return streams.hold(current.membership().orElseThrow(), current.credentialExpiry(),
                events(household, lastEventId, sse));
    }

    private Multi<OutboundSseEvent> events(HouseholdId household, String lastEventId, Sse sse) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return feed.changes(household).map(change -> event(sse, change));
        }
        Set<String> replayed = ConcurrentHashMap.newKeySet();
        Multi<OutboundSseEvent> live = feed.changes(household)
                .filter(change -> !replayed.contains(change.eventId()))
                .map(change -> event(sse, change));
        Multi<OutboundSseEvent> missed = Multi.createFrom().deferred(() -> {
            HouseholdChangeFeed.Replay replay = feed.since(household, lastEventId);
            List<OutboundSseEvent> events = new ArrayList<>();
            if (!replay.complete()) {
                events.add(sse.newEventBuilder().name(RESET)
                        .data(Reset.class, new Reset("Not every change since the last event can be replayed;"
                                + " read the lists again")).build());
            }
            replay.changes().forEach(change -> {
                replayed.add(change.eventId());
                events.add(event(sse, change));
            });
            return Multi.createFrom().iterable(events);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        // live first, so that nothing that happens while the replay is read falls between the two
        return Multi.createBy().merging().streams(live, missed);
    }

    /** The data of a {@code reset} event. */
    public record Reset(String reason) {
    }

    private static OutboundSseEvent event(Sse sse, HouseholdChange change) {
        return sse.newEventBuilder().id(change.eventId())
                .data(HouseholdEventDto.class, HouseholdEventDto.of(change)).build();
    }
}
