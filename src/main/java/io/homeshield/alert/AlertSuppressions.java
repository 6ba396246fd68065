package io.homeshield.alert;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/** Which findings fall under a fleet-wide suppression; one query for a whole batch of findings. */
@ApplicationScoped
class AlertSuppressions {

    record Pattern(String type, String indicator) {
    }

    Set<Pattern> among(Collection<Finding> findings) {
        Set<String> types = new HashSet<>();
        Set<String> indicators = new HashSet<>();
        for (Finding f : findings) {
            types.add(f.type().name());
            indicators.add(f.indicator());
        }
        if (types.isEmpty()) {
            return Set.of();
        }
        List<AlertSuppression> hits = AlertSuppression.list("alertType in ?1 and indicator in ?2", types, indicators);
        return hits.stream().map(s -> new Pattern(s.alertType, s.indicator)).collect(Collectors.toSet());
    }

    static Pattern of(Finding finding) {
        return new Pattern(finding.type().name(), finding.indicator());
    }
}
