package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;

/** A feed read line by line: {@code #} starts a comment, blank lines are skipped, each entry says where it stands. */
final class FeedLines {

    /** Takes one entry (a line without its comment, trimmed and not empty) and where it stands ("line 12"). */
    @FunctionalInterface
    interface Entry {
        void read(String entry, String where);
    }

    private FeedLines() {
    }

    static void forEachEntry(BufferedReader lines, Entry entries) throws IOException {
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            int comment = line.indexOf('#');
            String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!entry.isEmpty()) {
                entries.read(entry, "line " + number);
            }
        }
    }
}
