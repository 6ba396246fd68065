package io.homeshield.telemetry.flowexport;

import java.util.ArrayList;
import java.util.List;

/** What one datagram held: its flows, and counts of what could not become flows yet or ever. */
final class DecodedDatagram {

    final List<FlowRecord> flows = new ArrayList<>();
    int templates;
    /** Templates not kept because their session already holds as many as allowed. */
    int templatesRefused;
    int optionRecords;
    /** Data sets kept until their template arrives. */
    int setsAwaitingTemplate;
    /** Held data sets pushed out by newer ones before their template came. */
    int setsDropped;
    /** Records without addresses (e.g. layer-2 only) or of templates we do not read. */
    int recordsSkipped;
}
