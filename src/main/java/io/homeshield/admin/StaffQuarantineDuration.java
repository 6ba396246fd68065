package io.homeshield.admin;

import java.time.Duration;

/** How long support may quarantine a device for on a household's behalf. */
public enum StaffQuarantineDuration {
    ONE_HOUR("1h", "1 hour", Duration.ofHours(1)),
    ONE_DAY("24h", "24 hours", Duration.ofHours(24)),
    ONE_WEEK("7d", "7 days", Duration.ofDays(7)),
    UNTIL_RELEASED("until-released", "Until the household or support releases it", null);

    private final String formValue;
    private final String label;
    private final Duration duration;

    StaffQuarantineDuration(String formValue, String label, Duration duration) {
        this.formValue = formValue;
        this.label = label;
        this.duration = duration;
    }

    public String formValue() {
        return formValue;
    }

    public String label() {
        return label;
    }

    /** Null means until released. */
    Duration duration() {
        return duration;
    }

    /** Null when the form sent nothing the page offered. */
    static StaffQuarantineDuration fromForm(String value) {
        for (StaffQuarantineDuration d : values()) {
            if (d.formValue.equals(value)) {
                return d;
            }
        }
        return null;
    }
}
