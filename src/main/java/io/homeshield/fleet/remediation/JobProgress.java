package io.homeshield.fleet.remediation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many of a job's routers are in each state. */
public record JobProgress(int pending, int running, int done, int failed, int notBack) {

    public static JobProgress of(List<Object[]> countsByState) {
        Map<TargetState, Integer> counts = new EnumMap<>(TargetState.class);
        for (Object[] row : countsByState) {
            counts.put((TargetState) row[0], ((Number) row[1]).intValue());
        }
        return new JobProgress(counts.getOrDefault(TargetState.PENDING, 0), counts.getOrDefault(TargetState.RUNNING, 0),
                counts.getOrDefault(TargetState.DONE, 0), counts.getOrDefault(TargetState.FAILED, 0),
                counts.getOrDefault(TargetState.NOT_BACK, 0));
    }

    public int total() {
        return pending + running + done + failed + notBack;
    }

    public int finished() {
        return done + failed + notBack;
    }

    public int failures() {
        return failed + notBack;
    }

    /** Share of all routers in a state, in percent, for the progress bar. */
    public double percent(int count) {
        return total() == 0 ? 0 : 100.0 * count / total();
    }

    /** Where each segment of the bar starts, in percent. */
    public double offset(String state) {
        return switch (state) {
            case "done" -> 0;
            case "failed" -> percent(done);
            case "notBack" -> percent(done + failed);
            case "running" -> percent(done + failed + notBack);
            default -> percent(done + failed + notBack + running);
        };
    }
}
