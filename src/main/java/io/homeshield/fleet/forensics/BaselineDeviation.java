package io.homeshield.fleet.forensics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.homeshield.fleet.baseline.BaselineParameter;

/** A parameter of the snapshot that breaks the router's baseline, or a baseline parameter the snapshot lacks. */
public record BaselineDeviation(String path, String found, String expected) {

    public boolean missing() {
        return found == null;
    }

    /** Against each baseline rule: the snapshot's values that are not allowed, and rules it has no value for. */
    public static List<BaselineDeviation> of(Map<String, String> parameters, List<BaselineParameter> rules) {
        List<BaselineDeviation> out = new ArrayList<>();
        for (BaselineParameter rule : rules) {
            boolean seen = false;
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                if (rule.covers(parameter.getKey())) {
                    seen = true;
                    if (!rule.allowedValues().contains(parameter.getValue().strip())) {
                        out.add(new BaselineDeviation(parameter.getKey(), parameter.getValue(), rule.expected));
                    }
                }
            }
            if (!seen) {
                out.add(new BaselineDeviation(rule.path, null, rule.expected));
            }
        }
        return out;
    }
}
