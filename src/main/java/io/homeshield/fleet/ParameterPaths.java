package io.homeshield.fleet;

/** TR-181 paths with their instance numbers replaced by {@code {i}}, so every DNS server entry is one parameter. */
public final class ParameterPaths {

    private ParameterPaths() {
    }

    /** {@code Device.DNS.Client.Server.2.DNSServer} becomes {@code Device.DNS.Client.Server.{i}.DNSServer}. */
    public static String pattern(String path) {
        StringBuilder out = null;
        int segmentStart = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (i > segmentStart && allDigits(path, segmentStart, i)) {
                    if (out == null) {
                        out = new StringBuilder(path.length() + 8).append(path, 0, segmentStart);
                    }
                    out.append("{i}");
                } else if (out != null) {
                    out.append(path, segmentStart, i);
                }
                if (out != null && i < path.length()) {
                    out.append('.');
                }
                segmentStart = i + 1;
            }
        }
        return out == null ? path : out.toString();
    }

    /** Whether a concrete path is an instance of the pattern (or the pattern itself). */
    public static boolean matches(String pattern, String path) {
        return pattern.equals(path) || pattern.equals(pattern(path));
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
