package io.homeshield.webhook;

import java.util.Arrays;
import java.util.List;

/** The events a household can subscribe to. */
public enum WebhookEventType {
    ALERT_RAISED("alert.raised"),
    ALERT_STATUS_CHANGED("alert.status-changed"),
    ACTION_STATE_CHANGED("action.state-changed");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
