package io.homeshield.admin;

import java.time.Duration;
import java.time.Instant;

/** How long an indicator added to the provider's feed matches before it lapses by itself. */
public enum IndicatorValidity {
    UNTIL_EXPIRED("forever", null),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30)),
    QUARTER("90d", Duration.ofDays(90));

    private final String formValue;
    private final Duration duration;

    IndicatorValidity(String formValue, Duration duration) {
        this.formValue = formValue;
        this.duration = duration;
    }

    public String formValue() {
        return formValue;
    }

    /** When an indicator added at {@code now} lapses; null for until an analyst expires it. */
    Instant until(Instant now) {
        return duration == null ? null : now.plus(duration);
    }

    /** The choice sent by a form, or null if it is not one of them. */
    static IndicatorValidity fromForm(String value) {
        for (IndicatorValidity option : values()) {
            if (option.formValue.equals(value)) {
                return option;
            }
        }
        return null;
    }
}
