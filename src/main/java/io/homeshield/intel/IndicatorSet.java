package io.homeshield.intel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * An immutable set of indicators, built once and read by every detector thread. A name costs one
 * hash step per character and one probe per label; an IPv4 address one probe, then a binary search
 * over the listed ranges. Nothing is allocated unless something matches.
 */
public final class IndicatorSet {

    private final String[] feeds;
    private final DomainTable domains;
    private final AddressTable v4Addresses;
    private final Map<String, Short> v6Addresses;
    private final RangeTable v4Ranges;
    private final RangeTable v6Ranges;

    private IndicatorSet(Builder builder) {
        this.feeds = builder.feeds.toArray(String[]::new);
        this.domains = builder.domains;
        this.v4Addresses = builder.v4Addresses;
        this.v6Addresses = Map.copyOf(builder.v6Addresses);
        this.v4Ranges = builder.v4Ranges.build();
        this.v6Ranges = builder.v6Ranges.build();
    }

    public static Builder builder() {
        return new Builder(16);
    }

    /** A builder sized for about {@code expectedNames} names, so large feeds need not regrow the table. */
    static Builder builder(int expectedNames) {
        return new Builder(expectedNames);
    }

    /** The indicator listing this name or one of its parent domains, the most specific first. */
    public Optional<Indicator> match(DomainName name) {
        int slot = domains.find(name.value());
        return slot < 0 ? Optional.empty()
                : Optional.of(new Indicator(IndicatorKind.DOMAIN, domains.name(slot), feeds[domains.feed(slot)]));
    }

    /** The indicator listing this address, or else the most specific listed range holding it. */
    public Optional<Indicator> match(IpAddress address) {
        String value = address.value();
        long v4 = AddressNumbers.ipv4(value);
        if (v4 >= 0) {
            return matchIpv4(v4, value);
        }
        Short feed = v6Addresses.get(value);
        if (feed != null) {
            return Optional.of(new Indicator(IndicatorKind.IP, value, feeds[feed]));
        }
        if (v6Ranges.size() == 0) {
            return Optional.empty();
        }
        long[] halves = new long[2];
        return AddressNumbers.ipv6(value, halves) ? range(v6Ranges, v6Ranges.find(halves[0], halves[1]))
                : Optional.empty();
    }

    /** As {@link #match(IpAddress)} for an IPv4 address given as its number and its dotted-quad text. */
    Optional<Indicator> matchIpv4(long v4, String value) {
        int feed = v4Addresses.feedOf((int) v4);
        if (feed >= 0) {
            return Optional.of(new Indicator(IndicatorKind.IP, value, feeds[feed]));
        }
        return range(v4Ranges, v4Ranges.findV4(v4));
    }

    private Optional<Indicator> range(RangeTable table, int index) {
        return index < 0 ? Optional.empty()
                : Optional.of(new Indicator(IndicatorKind.CIDR, table.range(index).value(), feeds[table.feed(index)]));
    }

    public int size() {
        return domains.size() + v4Addresses.size() + v6Addresses.size() + v4Ranges.size() + v6Ranges.size();
    }

    /** Builds a set; where several feeds list the same indicator, the first one added names it. */
    public static final class Builder {
        private final List<String> feeds = new ArrayList<>();
        private final Map<String, Short> feedIndex = new HashMap<>();
        private final DomainTable domains;
        private final AddressTable v4Addresses = new AddressTable(1024);
        private final Map<String, Short> v6Addresses = new HashMap<>();
        private final RangeTable.Builder v4Ranges = new RangeTable.Builder();
        private final RangeTable.Builder v6Ranges = new RangeTable.Builder();
        private boolean built;

        private Builder(int expectedNames) {
            domains = new DomainTable(expectedNames);
        }

        public Builder domain(DomainName name, String feed) {
            domains.add(name.value(), feed(feed));
            return this;
        }

        public Builder address(IpAddress address, String feed) {
            long v4 = AddressNumbers.ipv4(address.value());
            if (v4 >= 0) {
                v4Addresses.add((int) v4, feed(feed));
            } else {
                v6Addresses.putIfAbsent(address.value(), feed(feed));
            }
            return this;
        }

        Builder range(Cidr range, String feed) {
            if (range.isSingleAddress()) {
                return address(IpAddress.of(range.value().substring(0, range.value().indexOf('/'))), feed);
            }
            (range.v6() ? v6Ranges : v4Ranges).add(range, feed(feed));
            return this;
        }

        /** Adds an indicator whose value is already in its normal form (as {@link FeedIndicators} keeps it). */
        Builder add(IndicatorKind kind, String value, String feed) {
            switch (kind) {
                case DOMAIN -> domains.add(value, feed(feed));
                case IP -> address(IpAddress.of(value), feed);
                case CIDR -> range(Cidr.parse(value), feed);
            }
            return this;
        }

        private short feed(String name) {
            return feedIndex.computeIfAbsent(name, n -> {
                if (feeds.size() == Short.MAX_VALUE) {
                    throw new IllegalStateException("too many feeds");
                }
                feeds.add(n);
                return (short) (feeds.size() - 1);
            });
        }

        /** The set; the builder's tables become the set's, so a builder builds once. */
        public IndicatorSet build() {
            if (built) {
                throw new IllegalStateException("this builder has already built its set");
            }
            built = true;
            return new IndicatorSet(this);
        }
    }
}
