package io.homeshield.telemetry.flowexport;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What one exporter told us within one transport session and observation domain: its templates,
 * its boot time, and a few data sets that arrived before their template.
 */
final class ExporterSession {

    /** Templates are scoped to a transport session (address and port) and an observation domain. */
    record Key(InetAddress address, int port, int version, long domain) {
    }

    /** A data set waiting for its template. */
    record PendingSet(int templateId, ByteBuffer body, ExportClock clock) {
    }

    private final Map<Integer, Template> templates = new HashMap<>();
    private final ArrayDeque<PendingSet> pending = new ArrayDeque<>();
    private final int maxPending;
    long systemInitMillis = ExportClock.UNKNOWN;

    ExporterSession(int maxPending) {
        this.maxPending = maxPending;
    }

    Template template(int id) {
        return templates.get(id);
    }

    /** Defines (or withdraws) a template; false when it is a new id beyond {@code maxTemplates}. */
    boolean define(Template template, int maxTemplates) {
        if (template.fields().isEmpty()) {
            templates.remove(template.id());
        } else if (templates.containsKey(template.id()) || templates.size() < maxTemplates) {
            templates.put(template.id(), template);
        } else {
            return false;
        }
        return true;
    }

    /** Keeps a copy of the set; returns false when that pushed out the oldest one. */
    boolean hold(int templateId, ByteBuffer body, ExportClock clock) {
        ByteBuffer copy = ByteBuffer.allocate(body.remaining());
        copy.put(body.duplicate()).flip();
        pending.addLast(new PendingSet(templateId, copy, clock));
        if (pending.size() > maxPending) {
            pending.removeFirst();
            return false;
        }
        return true;
    }

    /** Takes the held sets that the template can now read. */
    ArrayDeque<PendingSet> release(int templateId) {
        ArrayDeque<PendingSet> ready = new ArrayDeque<>();
        for (Iterator<PendingSet> it = pending.iterator(); it.hasNext();) {
            PendingSet set = it.next();
            if (set.templateId() == templateId) {
                ready.add(set);
                it.remove();
            }
        }
        return ready;
    }
}
