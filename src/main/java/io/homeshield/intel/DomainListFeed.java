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
        FeedLines.forEachEntry(lines, (entry, where) -> {
            if (entry.indexOf(' ') >= 0 || entry.indexOf('\t') >= 0) {
                into.unreadable(where, "'" + IndicatorText.abbreviate(entry)
                        + "' holds more than one entry (expected one host name or address a line)");
            } else {
                IndicatorText.add(entry, Validity.ALWAYS, into, where);
            }
        });
    }
}
