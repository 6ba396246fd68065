package io.homeshield.fleet.remediation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a job halted: an analyst halted it (who, and their reason), or it halted itself on failures.
 * Stored as an English sentence (the audit log keeps the same words); pages read it back to say it
 * in their own language.
 */
public record HaltReason(String kind, String actor, String reason, int failures, int finished, int percent) {

    private static final Pattern BY_ANALYST = Pattern.compile("Halted by ([^:]*): (.*)", Pattern.DOTALL);
    private static final Pattern ITSELF = Pattern.compile(
            "Halted itself: (\\d+) of (\\d+) routers handled failed or did not come back \\(more than (\\d+)%\\)\\.");

    static String byAnalyst(String actor, String reason) {
        return "Halted by " + actor + ": " + reason;
    }

    static String itself(int failures, int finished, int maxFailurePercent) {
        return String.format("Halted itself: %d of %d routers handled failed or did not come back (more than %d%%).",
                failures, finished, maxFailurePercent);
    }

    /** The stored sentence in parts; a sentence of another form is kept whole as the reason. */
    static HaltReason of(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        Matcher analyst = BY_ANALYST.matcher(stored);
        if (analyst.matches()) {
            return new HaltReason("analyst", analyst.group(1), analyst.group(2), 0, 0, 0);
        }
        Matcher itself = ITSELF.matcher(stored);
        if (itself.matches()) {
            return new HaltReason("self", null, null, Integer.parseInt(itself.group(1)),
                    Integer.parseInt(itself.group(2)), Integer.parseInt(itself.group(3)));
        }
        return new HaltReason("other", null, stored, 0, 0, 0);
    }
}
