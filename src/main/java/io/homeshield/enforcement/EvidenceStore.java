package io.homeshield.enforcement;

import java.util.UUID;

/**
 * Where the dispatcher hands the evidence a router gave up for an evidence action; the fleet's
 * forensics keep it. Called outside any transaction, once per successful collection.
 */
public interface EvidenceStore {

    void store(UUID actionId, RouterTarget router, EvidenceBundle evidence);
}
