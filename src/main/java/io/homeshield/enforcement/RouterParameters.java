package io.homeshield.enforcement;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A router whose data model parameters HomeShield can set and read back. */
public interface RouterParameters extends RouterControl {

    /**
     * Sets parameters of the router's data model (full TR-181 paths to values) in one change: the
     * router takes all of them or none.
     */
    void setParameters(RouterTarget router, Map<String, String> values) throws RouterControlException;

    /** Reads parameters back; a path the router does not have is missing from the answer. */
    Map<String, String> parameters(RouterTarget router, Collection<String> paths) throws RouterControlException;

    @Override
    default String firmwareVersion(RouterTarget router) throws RouterControlException {
        return parameters(router, List.of(SOFTWARE_VERSION)).get(SOFTWARE_VERSION);
    }
}
