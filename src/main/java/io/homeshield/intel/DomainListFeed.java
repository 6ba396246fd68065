package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a plain list, one indicator a line: host names (a leading {@code *.} or {@code .} is
 * dropped, subdomains match anyway), IP addresses or CIDR ranges; {@code #} comments.
 */
final class DomainListFeed implements FeedParser {

    @Override
    public void read(BufferedReader lines, FeedIndicators.Builder into) throws IOException {
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            int comment = line.indexOf('#');
            String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf(' ') >= 0 || entry.indexOf('\t') >= 0) {
                into.unreadable("line " + number, "'" + IndicatorText.abbreviate(entry)
                        + "' holds more than one entry (expected one host name or address a line)");
            } else {
                IndicatorText.add(entry, Validity.ALWAYS, into, "line " + number);
            }
        }
    }
}
