package io.homeshield.api.v1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** A few words from the household with its verdict, for the provider's analysts. */
@ClosedShape
@Schema(name = "Feedback")
public record FeedbackRequest(
        @Schema(description = "Why (optional, up to 500 characters)", examples = "It is our own NAS backing up",
                nullable = true) String comment) {

    String checkedComment() {
        if (comment != null && comment.length() > 500) {
            throw io.homeshield.infra.problem.ProblemException.invalid("comment", "must be at most 500 characters");
        }
        return io.homeshield.infra.PlainText.require("comment", comment);
    }
}
