package io.homeshield.lifecycle;

import java.util.List;
import java.util.Map;

/** What one retention run deleted: for each data class, the rows of each statement. */
public record RetentionReport(Map<String, List<Integer>> batches) {

    public long deleted(String dataClass) {
        return batches.getOrDefault(dataClass, List.of()).stream().mapToLong(Integer::longValue).sum();
    }
}
