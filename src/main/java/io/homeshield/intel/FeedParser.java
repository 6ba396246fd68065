package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads one feed format into indicators, noting entries it cannot read. */
interface FeedParser {

    /**
     * @throws MalformedFeedException when the feed as a whole is not in the expected format (not
     *         a STIX bundle, no header naming the indicator column)
     */
    void read(BufferedReader in, FeedIndicators.Builder into) throws IOException;
}
