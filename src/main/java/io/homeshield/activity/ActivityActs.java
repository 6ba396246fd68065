package io.homeshield.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the activity log into acts as people think of them: a quarantine requested, then applied and
 * verified by the router, is one act whose outcome moves on; one staff visit to the household,
 * however many pages it opened, is one row.
 */
final class ActivityActs {

    /** Pages opened by the same staff member with no longer pause between them are one visit. */
    static final Duration VISIT_PAUSE = Duration.ofMinutes(30);
    private static final Set<String> PROGRESS = Set.of("dispatched", "applied", "verified", "failed");

    private ActivityActs() {
    }

    /** {@code newestFirst} rows in, acts out (newest first, each where it began). */
    static List<ActivityRow> fold(List<ActivityRow> newestFirst) {
        List<ActivityRow> acts = new ArrayList<>();
        Map<String, Integer> openActs = new HashMap<>();
        Map<String, Integer> visitOf = new HashMap<>();
        Map<Integer, Instant> lastPageAt = new HashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            ActivityRow row = newestFirst.get(i);
            String act = row.action() + " " + row.entry().target;
            Instant at = row.entry().occurredAt;
            if ("requested".equals(row.entry().outcome)) {
                openActs.put(act, acts.size());
                acts.add(row);
            } else if (PROGRESS.contains(row.entry().outcome) && "system".equals(row.actorKind())
                    && openActs.containsKey(act)) {
                int index = openActs.get(act);
                acts.set(index, acts.get(index).reaching(row.entry().outcome));
            } else if (row.staffVisit()) {
                Integer index = visitOf.get(row.entry().actor);
                if (index != null && !at.isAfter(lastPageAt.get(index).plus(VISIT_PAUSE))) {
                    acts.set(index, acts.get(index).withAnotherPage());
                } else {
                    index = acts.size();
                    visitOf.put(row.entry().actor, index);
                    acts.add(row);
                }
                lastPageAt.put(index, at);
            } else {
                acts.add(row);
            }
        }
        Collections.reverse(acts);
        return acts;
    }
}
