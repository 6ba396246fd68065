package io.homeshield.api.v1;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.infra.json.ClosedShape;
import io.homeshield.infra.problem.ProblemException;

/**
 * What the subscriber asks for when quarantining a device. Fields arrive as text so that a wrong
 * value is answered with the field and the reason, not a parser's message.
 */
@ClosedShape
@Schema(name = "QuarantineRequest")
public record QuarantineRequest(
        @Schema(description = "FULL cuts the device off entirely; INTERNET_ONLY keeps it on the home network."
                + " Default FULL", enumeration = { "FULL", "INTERNET_ONLY" }, defaultValue = "FULL")
        String level,
        @Schema(type = SchemaType.STRING, description = "ISO-8601 duration from PT5M to P30D; absent or null means"
                + " until released", examples = "PT1H", nullable = true)
        String duration) {

    static final Duration SHORTEST = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofDays(30);

    QuarantineLevel quarantineLevel() {
        if (level == null) {
            return QuarantineLevel.FULL;
        }
        try {
            return QuarantineLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "must be one of "
                    + Arrays.stream(QuarantineLevel.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The requested length, or null for until released. */
    Duration forHowLong() {
        if (duration == null) {
            return null;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(duration);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("duration", "must be an ISO-8601 duration such as PT1H or P7D");
        }
        if (parsed.compareTo(SHORTEST) < 0 || parsed.compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("duration", "must be between PT5M and P30D");
        }
        return parsed;
    }
}
