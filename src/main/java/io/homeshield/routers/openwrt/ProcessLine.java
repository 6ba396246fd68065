package io.homeshield.routers.openwrt;

/** A line of busybox {@code ps w} ({@code PID USER VSZ STAT COMMAND}): its command, or null for the header. */
final class ProcessLine {

    private static final int COMMAND_COLUMN = 4;

    private ProcessLine() {
    }

    static String command(String line) {
        String[] columns = line.strip().split("\\s+", COMMAND_COLUMN + 1);
        if (columns.length <= COMMAND_COLUMN || !columns[0].chars().allMatch(Character::isDigit)) {
            return null;
        }
        return columns[COMMAND_COLUMN];
    }
}
