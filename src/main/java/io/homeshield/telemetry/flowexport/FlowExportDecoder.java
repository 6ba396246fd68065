package io.homeshield.telemetry.flowexport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) export datagrams into flow records, keeping
 * each exporter's templates. Not thread-safe: one thread decodes every datagram in arrival order.
 */
final class FlowExportDecoder {

    static final int NETFLOW_V9 = 9;
    static final int IPFIX = 10;
    private static final int V9_HEADER = 20;
    private static final int IPFIX_HEADER = 16;
    private static final int SET_HEADER = 4;
    private static final int FIRST_DATA_SET_ID = 256;

    /** Sessions (ports, observation domains) one exporter address may hold; a flood of forged ones evicts its own. */
    static final int DEFAULT_SESSIONS_PER_ADDRESS = 16;
    /** Template ids one session may define; more are ignored and counted. */
    static final int DEFAULT_TEMPLATES_PER_SESSION = 256;

    private final Map<ExporterSession.Key, ExporterSession> sessions;
    private final Map<InetAddress, ArrayDeque<ExporterSession.Key>> sessionsByAddress = new HashMap<>();
    private final int maxPendingSets;
    private final int maxSessionsPerAddress;
    private final int maxTemplatesPerSession;

    FlowExportDecoder(int maxSessions, int maxPendingSets) {
        this(maxSessions, maxPendingSets, DEFAULT_SESSIONS_PER_ADDRESS, DEFAULT_TEMPLATES_PER_SESSION);
    }

    FlowExportDecoder(int maxSessions, int maxPendingSets, int maxSessionsPerAddress, int maxTemplatesPerSession) {
        this.maxPendingSets = maxPendingSets;
        this.maxSessionsPerAddress = maxSessionsPerAddress;
        this.maxTemplatesPerSession = maxTemplatesPerSession;
        this.sessions = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ExporterSession.Key, ExporterSession> eldest) {
                if (size() > maxSessions) {
                    forgetKey(eldest.getKey());
                    return true;
                }
                return false;
            }
        };
    }

    /** Exporter sessions whose templates are kept, across every exporter. */
    int sessionCount() {
        return sessions.size();
    }

    DecodedDatagram decode(InetSocketAddress from, ByteBuffer datagram) {
        try {
            return decodeChecked(from, datagram);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new MalformedExportException("truncated datagram from " + from.getAddress().getHostAddress());
        }
    }

    private DecodedDatagram decodeChecked(InetSocketAddress from, ByteBuffer in) {
        if (in.remaining() < 2) {
            throw new MalformedExportException("datagram too short");
        }
        int version = in.getShort(in.position()) & 0xFFFF;
        ExportClock clock;
        long domain;
        int end;
        if (version == NETFLOW_V9) {
            requireRemaining(in, V9_HEADER);
            in.getShort();
            in.getShort(); // record count: not trusted, the flowset lengths say where things end
            long uptime = in.getInt() & 0xFFFFFFFFL;
            long unixSeconds = in.getInt() & 0xFFFFFFFFL;
            in.getInt(); // the exporter's sequence number
            domain = in.getInt() & 0xFFFFFFFFL;
            clock = ExportClock.netflowV9(unixSeconds, uptime);
            end = in.limit();
        } else if (version == IPFIX) {
            requireRemaining(in, IPFIX_HEADER);
            in.getShort();
            int length = in.getShort() & 0xFFFF;
            long exportSeconds = in.getInt() & 0xFFFFFFFFL;
            in.getInt();
            domain = in.getInt() & 0xFFFFFFFFL;
            if (length < IPFIX_HEADER || length > in.limit() - in.position() + IPFIX_HEADER) {
                throw new MalformedExportException("IPFIX message length " + length + " does not match the datagram");
            }
            end = in.position() - IPFIX_HEADER + length;
            // the boot time comes from the session's option records, so it is looked up as each set is read
            clock = ExportClock.ipfix(exportSeconds, ExportClock.UNKNOWN);
        } else {
            throw new MalformedExportException("not NetFlow v9 or IPFIX (version " + version + ")");
        }
        ExporterSession session = session(from, version, domain);
        DecodedDatagram out = new DecodedDatagram();
        while (end - in.position() >= SET_HEADER) {
            int setId = in.getShort() & 0xFFFF;
            int setLength = in.getShort() & 0xFFFF;
            if (setLength < SET_HEADER || in.position() - SET_HEADER + setLength > end) {
                throw new MalformedExportException("set " + setId + " has length " + setLength);
            }
            ByteBuffer body = in.slice(in.position(), setLength - SET_HEADER);
            in.position(in.position() + setLength - SET_HEADER);
            readSet(version, setId, body, session, clock, out);
        }
        return out;
    }

    private void readSet(int version, int setId, ByteBuffer body, ExporterSession session, ExportClock clock,
            DecodedDatagram out) {
        boolean ipfix = version == IPFIX;
        List<Template> templates;
        if (setId == (ipfix ? 2 : 0)) {
            templates = TemplateSets.templates(body, ipfix);
        } else if (setId == (ipfix ? 3 : 1)) {
            templates = ipfix ? TemplateSets.ipfixOptionsTemplates(body) : TemplateSets.netflowV9OptionsTemplates(body);
        } else if (setId >= FIRST_DATA_SET_ID) {
            Template template = session.template(setId);
            if (template == null) {
                out.setsAwaitingTemplate++;
                if (!session.hold(setId, body, clock)) {
                    out.setsDropped++;
                }
            } else {
                readData(template, body, session, clock, ipfix, out);
            }
            return;
        } else {
            return; // reserved set ids
        }
        for (Template template : templates) {
            if (!session.define(template, maxTemplatesPerSession)) {
                out.templatesRefused++;
                continue;
            }
            out.templates++;
            for (ExporterSession.PendingSet held : session.release(template.id())) {
                out.setsAwaitingTemplate--;
                readData(template, held.body(), session, held.clock(), ipfix, out);
            }
        }
    }

    private static void readData(Template template, ByteBuffer body, ExporterSession session, ExportClock exported,
            boolean ipfix, DecodedDatagram out) {
        int min = template.minRecordLength();
        if (min == 0) {
            return;
        }
        ExportClock clock = ipfix ? exported.withBoot(session.systemInitMillis) : exported;
        while (body.remaining() >= min) {
            if (template.isOptions()) {
                long init = DataRecords.systemInitMillis(template, body);
                if (init != ExportClock.UNKNOWN) {
                    session.systemInitMillis = init;
                }
                out.optionRecords++;
            } else {
                FlowRecord flow = DataRecords.flow(template, body, clock);
                if (flow == null) {
                    out.recordsSkipped++;
                } else {
                    out.flows.add(flow);
                }
            }
        }
    }

    private ExporterSession session(InetSocketAddress from, int version, long domain) {
        ExporterSession.Key key = new ExporterSession.Key(from.getAddress(), from.getPort(), version, domain);
        ExporterSession session = sessions.get(key);
        if (session != null) {
            return session;
        }
        ArrayDeque<ExporterSession.Key> own = sessionsByAddress.computeIfAbsent(key.address(), a -> new ArrayDeque<>());
        if (own.size() >= maxSessionsPerAddress) {
            sessions.remove(own.removeFirst());
        }
        own.addLast(key);
        session = new ExporterSession(maxPendingSets);
        sessions.put(key, session);
        return session;
    }

    private void forgetKey(ExporterSession.Key key) {
        ArrayDeque<ExporterSession.Key> own = sessionsByAddress.get(key.address());
        if (own != null) {
            own.remove(key);
            if (own.isEmpty()) {
                sessionsByAddress.remove(key.address());
            }
        }
    }

    private static void requireRemaining(ByteBuffer in, int bytes) {
        if (in.remaining() < bytes) {
            throw new MalformedExportException("header truncated");
        }
    }
}
