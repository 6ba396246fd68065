package io.homeshield.portal;

import java.util.List;

import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;

/** An instruction to the router and how far it got: requested → applied → verified, or failed and why. */
public record ActionRow(EnforcementAction action, String deviceName) {

    /** One stage of the progress line; {@code status} is done, current, todo or failed. */
    public record Step(String label, String status) {
    }

    public List<Step> steps() {
        return switch (action.state) {
            case REQUESTED, DISPATCHED -> List.of(new Step("Requested", "done"), new Step("Applied", "current"),
                    new Step("Verified", "todo"));
            case APPLIED -> List.of(new Step("Requested", "done"), new Step("Applied", "done"),
                    new Step("Verified", "current"));
            case VERIFIED -> List.of(new Step("Requested", "done"), new Step("Applied", "done"),
                    new Step("Verified", "done"));
            case FAILED -> List.of(new Step("Requested", "done"), new Step("Failed", "failed"));
        };
    }

    public boolean inProgress() {
        return action.state != ActionState.VERIFIED && action.state != ActionState.FAILED;
    }

    public boolean failed() {
        return action.state == ActionState.FAILED;
    }

    /** Where it stands, in a sentence. */
    public String explanation() {
        return switch (action.state) {
            case REQUESTED -> "Waiting to be sent to your router.";
            case DISPATCHED -> "Sent to your router; waiting for it to confirm.";
            case APPLIED -> "Your router applied it; checking that it took effect.";
            case VERIFIED -> "Your router confirmed it is in effect.";
            case FAILED -> "It did not work: " + failureReason();
        };
    }

    private String failureReason() {
        String error = action.lastError;
        if (error == null || error.isBlank()) {
            return "your router could not be reached. Please try again later.";
        }
        return error.endsWith(".") ? error : error + ".";
    }
}
