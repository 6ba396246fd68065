package io.homeshield.api.v1;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** Where to post events, and which. */
@ClosedShape
@Schema(name = "WebhookRegistration")
public record WebhookRegistration(
        @Schema(description = "An absolute https URL (http only for receivers inside the provider's network)",
                examples = "https://hub.example.org/homeshield", required = true) String url,
        @Schema(description = "One or more of alert.raised, alert.status-changed, action.state-changed",
                required = true) @Size(max = MAX_EVENT_TYPES, message = "at most " + MAX_EVENT_TYPES
                        + " event types") List<String> eventTypes) {

    /** Each event type once. */
    static final int MAX_EVENT_TYPES = 3;
}
