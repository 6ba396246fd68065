package io.homeshield.portal;

import java.util.List;
import java.util.Locale;

import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;

/**
 * A form sent back to the person because one field was refused: what they typed, and why, as a
 * fixed reason the page puts into words beside that field.
 */
public record FormEcho(String field, String typed, String reason) {

    public boolean on(String name) {
        return field.equals(name);
    }

    /** The refused field and a reason the page knows: tooLong, unreadable, invalid, conflict or required. */
    static FormEcho of(ProblemException refused, String expectedField, String typed) {
        List<Problem.Violation> violations = refused.problem().violations() == null ? List.of()
                : refused.problem().violations();
        for (Problem.Violation violation : violations) {
            String why = violation.reason() == null ? "" : violation.reason().toLowerCase(Locale.ROOT);
            String reason = why.startsWith("at most") ? "tooLong"
                    : violation.field().equals(expectedField) && !"label".equals(expectedField) ? "invalid"
                            : "unreadable";
            return new FormEcho(violation.field(), typed, reason);
        }
        return new FormEcho(expectedField, typed, refused.problem().status() == 409 ? "conflict" : "invalid");
    }
}
