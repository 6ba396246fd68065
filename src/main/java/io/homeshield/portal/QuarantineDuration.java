package io.homeshield.portal;

import java.time.Duration;

import io.homeshield.infra.problem.ProblemException;

/** The durations a subscriber can choose when quarantining a device. */
public enum QuarantineDuration {
    ONE_HOUR("1h", "1 hour", "for 1 hour", Duration.ofHours(1)),
    ONE_DAY("24h", "24 hours", "for 24 hours", Duration.ofHours(24)),
    UNTIL_RELEASED("until-released", "Until I release it", "until you release it", null);

    static final QuarantineDuration DEFAULT = ONE_DAY;

    private final String formValue;
    private final String label;
    private final String phrase;
    private final Duration duration;

    QuarantineDuration(String formValue, String label, String phrase, Duration duration) {
        this.formValue = formValue;
        this.label = label;
        this.phrase = phrase;
        this.duration = duration;
    }

    public String formValue() {
        return formValue;
    }

    public String label() {
        return label;
    }

    /** Completes "The device stays cut off ...". */
    public String phrase() {
        return phrase;
    }

    public boolean isDefault() {
        return this == DEFAULT;
    }

    /** Null means until released. */
    Duration duration() {
        return duration;
    }

    static QuarantineDuration fromForm(String value) {
        for (QuarantineDuration d : values()) {
            if (d.formValue.equals(value)) {
                return d;
            }
        }
        throw ProblemException.invalid("duration", "choose 1 hour, 24 hours or until you release it");
    }
}
