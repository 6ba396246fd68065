package io.homeshield.activity;

import java.util.List;

import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;

/** An instruction to the router and how far it got: requested → applied → verified, or failed and why. */
public record ActionRow(EnforcementAction action, String deviceName) {

    /**
     * One stage of the progress line: {@code stage} is requested, applied, verified or failed; {@code status}
     * is done, current, todo or failed.
     */
    public record Step(String stage, String status) {
    }

    public List<Step> steps() {
        return switch (action.state) {
            case REQUESTED, DISPATCHED -> List.of(new Step("requested", "done"), new Step("applied", "current"),
                    new Step("verified", "todo"));
            case APPLIED -> List.of(new Step("requested", "done"), new Step("applied", "done"),
                    new Step("verified", "current"));
            case VERIFIED -> List.of(new Step("requested", "done"), new Step("applied", "done"),
                    new Step("verified", "done"));
            case FAILED -> List.of(new Step("requested", "done"), new Step("failed", "failed"));
        };
    }

    public boolean inProgress() {
        return action.state != ActionState.VERIFIED && action.state != ActionState.FAILED;
    }

    public boolean failed() {
        return action.state == ActionState.FAILED;
    }

    /** The router's or adapter's reason, as recorded; empty when none was given. */
    public String failureReason() {
        String error = action.lastError;
        if (error == null || error.isBlank()) {
            return "";
        }
        return error.endsWith(".") ? error : error + ".";
    }
}
