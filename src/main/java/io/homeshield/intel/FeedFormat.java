package io.homeshield.intel;

/** The formats a feed may come in. */
public enum FeedFormat {
    /** Hosts-file lines: {@code 0.0.0.0 bad.example}. */
    HOSTS,
    /** One host name, address or CIDR range a line. */
    DOMAINS,
    /** AdBlock filter syntax as URLhaus and uBlock lists use it. */
    ADBLOCK,
    /** One column of a CSV file; see {@link CsvLayout}. */
    CSV,
    /** A STIX 2.1 bundle of indicator objects. */
    STIX;

    FeedParser parser(CsvLayout csv) {
        return switch (this) {
            case HOSTS -> new HostsFileFeed();
            case DOMAINS -> new DomainListFeed();
            case ADBLOCK -> new AdblockHostFeed();
            case CSV -> new CsvFeed(csv);
            case STIX -> new StixBundleFeed();
        };
    }
}
