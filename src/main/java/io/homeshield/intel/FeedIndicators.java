package io.homeshield.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * What one version of a feed lists, kept so the combined set can be rebuilt when another feed
 * changes or an indicator's validity runs out. Indicators without a validity are in force for as
 * long as the version is.
 */
final class FeedIndicators {

    static final FeedIndicators NONE = builder().build();

    private final List<String> domains;
    private final List<IpAddress> addresses;
    private final List<Cidr> ranges;
    private final Map<Object, Validity> windows;

    private FeedIndicators(Builder builder) {
        this.domains = builder.domains;
        this.addresses = builder.addresses;
        this.ranges = builder.ranges;
        this.windows = builder.windows;
    }

    static Builder builder() {
        return new Builder(null);
    }

    /** A builder that refuses the entries {@code rules} forbid, counting them. */
    static Builder builder(FeedEntryRules rules) {
        return new Builder(rules);
    }

    /** Indicators listed, each counted once per listing. */
    int size() {
        return domains.size() + addresses.size() + ranges.size();
    }

    int domainCount() {
        return domains.size();
    }

    /** The host names listed and in force at {@code now}. */
    List<String> domainsInForce(Instant now) {
        List<String> inForce = new ArrayList<>(domains.size());
        for (String domain : domains) {
            if (inForce(domain, now)) {
                inForce.add(domain);
            }
        }
        return inForce;
    }

    /** Adds the indicators in force at {@code now} to {@code set} under the feed's name. */
    void addTo(IndicatorSet.Builder set, String feed, Instant now) {
        for (String domain : domains) {
            if (inForce(domain, now)) {
                set.add(IndicatorKind.DOMAIN, domain, feed);
            }
        }
        for (IpAddress address : addresses) {
            if (inForce(address, now)) {
                set.address(address, feed);
            }
        }
        for (Cidr range : ranges) {
            if (inForce(range, now)) {
                set.range(range, feed);
            }
        }
    }

    /** The next moment after {@code now} at which an indicator comes into or drops out of force, or null. */
    Instant nextChangeAfter(Instant now) {
        Instant next = null;
        for (Validity validity : windows.values()) {
            Instant change = validity.nextChangeAfter(now);
            if (change != null && (next == null || change.isBefore(next))) {
                next = change;
            }
        }
        return next;
    }

    private boolean inForce(Object indicator, Instant now) {
        Validity validity = windows.get(indicator);
        return validity == null || validity.holdsAt(now);
    }

    /** Collects a feed's indicators, the lines it could not read, and the entries its rules refused. */
    static final class Builder {
        private final FeedEntryRules rules;
        private final List<String> domains = new ArrayList<>();
        private final List<IpAddress> addresses = new ArrayList<>();
        private final List<Cidr> ranges = new ArrayList<>();
        private final Map<Object, Validity> windows = new HashMap<>();
        private int unreadable;
        private String firstProblem;
        private int refused;
        private String firstRefusal;

        private Builder(FeedEntryRules rules) {
            this.rules = rules;
        }

        Builder domain(DomainName name) {
            return domain(name, Validity.ALWAYS);
        }

        Builder domain(DomainName name, Validity validity) {
            if (rules != null && refused(rules.whyRefused(name))) {
                return this;
            }
            domains.add(name.value());
            return window(name.value(), validity);
        }

        Builder address(IpAddress address) {
            return address(address, Validity.ALWAYS);
        }

        Builder address(IpAddress address, Validity validity) {
            if (rules != null && refused(rules.whyRefused(address))) {
                return this;
            }
            addresses.add(address);
            return window(address, validity);
        }

        Builder range(Cidr range, Validity validity) {
            if (rules != null && refused(rules.whyRefused(range))) {
                return this;
            }
            ranges.add(range);
            return window(range, validity);
        }

        /** Adds an address or a range, whichever the text is. */
        Builder addressOrRange(String text, Validity validity) {
            return Cidr.looksLikeCidr(text) ? range(Cidr.parse(text), validity)
                    : address(IpAddress.of(text), validity);
        }

        /** Notes an entry that could not be read; the first one is quoted when the feed is refused. */
        void unreadable(String where, String why) {
            unreadable++;
            if (firstProblem == null) {
                firstProblem = where + ": " + why;
            }
        }

        int unreadable() {
            return unreadable;
        }

        /** Notes an entry the rules refused; true if {@code why} names a reason. */
        private boolean refused(String why) {
            if (why == null) {
                return false;
            }
            refused++;
            if (firstRefusal == null) {
                firstRefusal = why;
            }
            return true;
        }

        /** Entries read but refused by the rules (too wide, a public suffix, private addresses). */
        int refused() {
            return refused;
        }

        String firstRefusal() {
            return firstRefusal;
        }

        String firstProblem() {
            return firstProblem;
        }

        int size() {
            return domains.size() + addresses.size() + ranges.size();
        }

        private Builder window(Object indicator, Validity validity) {
            if (validity != Validity.ALWAYS) {
                windows.merge(indicator, validity, Validity::union);
            } else if (windows.containsKey(indicator)) {
                windows.put(indicator, Validity.ALWAYS);
            }
            return this;
        }

        FeedIndicators build() {
            return new FeedIndicators(this);
        }
    }
}
