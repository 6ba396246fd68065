package io.homeshield.fleet.forensics;

import java.util.List;

import io.homeshield.inventory.Router;

/** A snapshot's page: what it is, its files, and its three comparisons. */
public record SnapshotView(EvidenceSnapshot snapshot, Router router, List<FileEntry> files, boolean hasBaseline,
        List<BaselineDeviation> baseline, EvidenceSnapshot previous, List<DiffRow> sincePrevious,
        FleetNorm.Comparison norm) {

    public record FileEntry(String name, int characters) {
    }
}
