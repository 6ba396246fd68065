package io.homeshield.intel.rpz;

import java.util.Locale;

/**
 * Checks that a host name can be an owner name in the zone: ASCII letters, digits, hyphens and
 * underscores (feeds list service names), labels of 1 to 63 characters not starting or ending with
 * a hyphen, at least two labels (never a whole top-level domain), and short enough that
 * {@code *.name.<zone>.} is still a valid DNS name.
 */
final class PolicyName {

    private static final int MAX_NAME = 253;

    private PolicyName() {
    }

    /** The name lower-cased without a trailing dot if it can be listed under {@code zone}, else null. */
    static String checked(String name, String zone) {
        if (name == null) {
            return null;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.isEmpty() || lower.length() + zone.length() + 3 > MAX_NAME) {
            return null;
        }
        int labels = 0;
        int start = 0;
        while (start <= lower.length()) {
            int end = lower.indexOf('.', start);
            if (end < 0) {
                end = lower.length();
            }
            if (!validLabel(lower, start, end)) {
                return null;
            }
            labels++;
            start = end + 1;
        }
        return labels >= 2 ? lower : null;
    }

    private static boolean validLabel(String name, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 63 || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
