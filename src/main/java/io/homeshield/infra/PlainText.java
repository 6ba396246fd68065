package io.homeshield.infra;

import io.homeshield.infra.problem.ProblemException;

/**
 * Text people type (names, reasons, invitations) is shown to other people: it may not carry control
 * characters, which can break lines and logs, nor bidirectional-override characters (U+202A–U+202E,
 * U+2066–U+2069), which can make a name read differently from what it is.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The value unchanged (null stays null), or a 400 naming {@code field} and saying why. */
    public static String require(String field, String value) {
        String reason = problemWith(value);
        if (reason != null) {
            throw ProblemException.invalid(field, reason);
        }
        return value;
    }

    /** Why the text is refused, or null when it is fine. */
    public static String problemWith(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isBidiControl(c)) {
                return "must not contain direction-changing characters (U+202A–U+202E, U+2066–U+2069):"
                        + " they can make the text read differently from what it is";
            }
            if (Character.isISOControl(c)) {
                return "must not contain control characters such as line breaks or tabs";
            }
        }
        return null;
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}
