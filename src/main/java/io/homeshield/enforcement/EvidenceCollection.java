package io.homeshield.enforcement;

/** A router that hands over evidence for forensics. */
public interface EvidenceCollection extends RouterControl {

    /**
     * Collects evidence from the router without changing anything on it: its data model or
     * configuration, the files it hands over, and in plain words what it cannot give.
     */
    EvidenceBundle collectEvidence(RouterTarget router) throws RouterControlException;
}
