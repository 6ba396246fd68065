package io.homeshield.admin;

import java.time.Duration;

/** How long support may quarantine a device for on a household's behalf. */
public enum StaffQuarantineDuration {
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("24h", Duration.ofHours(24)),
    ONE_WEEK("7d", Duration.ofDays(7)),
    UNTIL_RELEASED("until-released", null);

    private final String formValue;
    private final Duration duration;

    StaffQuarantineDuration(String formValue, Duration duration) {
        this.formValue = formValue;
        this.duration = duration;
    }

    public String formValue() {
        return formValue;
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
