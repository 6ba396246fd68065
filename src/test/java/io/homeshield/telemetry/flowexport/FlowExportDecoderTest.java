package io.homeshield.telemetry.flowexport;

import static io.homeshield.telemetry.flowexport.ExportMessage.record;
import static io.homeshield.telemetry.flowexport.ExportMessage.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeshield.net.IpAddress;

class FlowExportDecoderTest {

    private static final long EXPORTED = 1_800_000_000L;
    private static final InetSocketAddress ROUTER = new InetSocketAddress(address("198.51.100.7"), 40_000);
    private static final int[] IPV4_MILLIS = { 8, 4, 12, 4, 7, 2, 11, 2, 4, 1, 1, 8, 2, 4, 152, 8, 153, 8, 6, 1 };

    private final FlowExportDecoder decoder = new FlowExportDecoder(100, 4);

    @Test
    void readsAnIpfixTemplateAndItsRecords() {
        DecodedDatagram decoded = decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED)
                .template(300, IPV4_MILLIS)
                .data(300, scanRecord("203.0.113.9", 23, 1_799_999_990_000L),
                        scanRecord("203.0.113.10", 2323, 1_799_999_991_000L))
                .bytes());

        assertEquals(1, decoded.templates);
        assertEquals(2, decoded.flows.size());
        FlowRecord flow = decoded.flows.get(0);
        assertEquals(IpAddress.of("192.168.1.66"), flow.source());
        assertEquals(IpAddress.of("203.0.113.9"), flow.destination());
        assertEquals(FlowRecord.TCP, flow.protocol());
        assertEquals(40_001, flow.sourcePort());
        assertEquals(23, flow.destinationPort());
        assertEquals(60, flow.octets());
        assertEquals(1, flow.packets());
        assertEquals(Instant.ofEpochMilli(1_799_999_990_000L), flow.start());
        assertEquals(Instant.ofEpochMilli(1_799_999_990_250L), flow.end());
        assertEquals(0x02, flow.tcpFlags());
        assertEquals(2323, decoded.flows.get(1).destinationPort());
    }

    @Test
    void dataBeforeItsTemplateIsHeldUntilTheTemplateArrives() {
        DecodedDatagram early = decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED)
                .data(300, scanRecord("203.0.113.9", 23, 1_799_999_990_000L)).bytes());
        assertEquals(0, early.flows.size());
        assertEquals(1, early.setsAwaitingTemplate);

        DecodedDatagram template = decoder.decode(ROUTER,
                ExportMessage.ipfix(EXPORTED).template(300, IPV4_MILLIS).bytes());
        assertEquals(1, template.flows.size());
        assertEquals(IpAddress.of("203.0.113.9"), template.flows.get(0).destination());
    }

    @Test
    void onlyAFewSetsWaitForATemplate() {
        int dropped = 0;
        for (int i = 0; i < 6; i++) {
            dropped += decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED)
                    .data(300, scanRecord("203.0.113." + i, 23, 1_799_999_990_000L)).bytes()).setsDropped;
        }
        assertEquals(2, dropped);
        DecodedDatagram template = decoder.decode(ROUTER,
                ExportMessage.ipfix(EXPORTED).template(300, IPV4_MILLIS).bytes());
        assertEquals(4, template.flows.size());
        assertEquals(IpAddress.of("203.0.113.2"), template.flows.get(0).destination());
    }

    @Test
    void templatesBelongToOneExporterSession() {
        decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED).template(300, IPV4_MILLIS).bytes());
        InetSocketAddress another = new InetSocketAddress(address("198.51.100.8"), 40_000);
        DecodedDatagram decoded = decoder.decode(another, ExportMessage.ipfix(EXPORTED)
                .data(300, scanRecord("203.0.113.9", 23, 1_799_999_990_000L)).bytes());
        assertEquals(0, decoded.flows.size());
        assertEquals(1, decoded.setsAwaitingTemplate);
    }

    @Test
    void netflowV9TimesAreRelativeToTheExportersBoot() {
        // exported at EXPORTED s, 100 s after boot: a flow starting at uptime 40 s started 60 s before the export
        DecodedDatagram decoded = decoder.decode(ROUTER, ExportMessage.netflowV9(EXPORTED, 100_000)
                .template(1024, 8, 4, 12, 4, 22, 4, 21, 4, 1, 4, 2, 4, 7, 2, 11, 2, 4, 1, 6, 1)
                .data(1024, record(ip("192.168.1.66"), ip("203.0.113.9"), u(4, 40_000), u(4, 41_500), u(4, 120),
                        u(4, 2), u(2, 40_001), u(2, 22), u(1, 6), u(1, 0x02), new byte[2]))
                .bytes());

        assertEquals(1, decoded.flows.size());
        FlowRecord flow = decoded.flows.get(0);
        assertEquals(Instant.ofEpochSecond(EXPORTED - 60), flow.start());
        assertEquals(Instant.ofEpochSecond(EXPORTED - 60).plusMillis(1_500), flow.end());
        assertEquals(22, flow.destinationPort());
        assertEquals(120, flow.octets());
    }

    @Test
    void ipfixUptimesUseTheBootTimeFromTheOptionsRecord() {
        long boot = 1_799_990_000_000L;
        DecodedDatagram decoded = decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED)
                .optionsTemplate(256, 160, 8)
                .template(1024, 8, 4, 12, 4, 22, 4, 21, 4, 4, 1)
                .data(256, record(u(4, 77), u(8, boot)))
                .data(1024, record(ip("192.168.1.66"), ip("203.0.113.9"), u(4, 5_000), u(4, 6_000), u(1, 17)))
                .bytes());

        assertEquals(1, decoded.optionRecords);
        assertEquals(Instant.ofEpochMilli(boot + 5_000), decoded.flows.get(0).start());
        assertEquals(FlowRecord.UDP, decoded.flows.get(0).protocol());
    }

    @Test
    void readsIpv6AddressesAndSkipsVariableLengthAndEnterpriseFields() {
        DecodedDatagram decoded = decoder.decode(ROUTER, ExportMessage.ipfix(EXPORTED)
                .template(400, 27, 16, 28, 16, 0x8000 | 42, TemplateField.VARIABLE, 82, TemplateField.VARIABLE, 11, 2,
                        4, 1, 150, 4)
                .data(400, record(ip("2001:db8::66"), ip("2001:db8:ffff::9"), new byte[] { 3, 'a', 'b', 'c' },
                        new byte[] { (byte) 255, 0, 4, 'e', 't', 'h', '0' }, u(2, 443), u(1, 6), u(4, EXPORTED - 5)))
                .bytes());

        assertEquals(1, decoded.flows.size());
        FlowRecord flow = decoded.flows.get(0);
        assertEquals(IpAddress.of("2001:db8::66"), flow.source());
        assertEquals(IpAddress.of("2001:db8:ffff::9"), flow.destination());
        assertEquals(443, flow.destinationPort());
        assertEquals(Instant.ofEpochSecond(EXPORTED - 5), flow.start());
    }

    @Test
    void aTruncatedOrForeignDatagramIsMalformed() {
        var message = ExportMessage.ipfix(EXPORTED).template(300, IPV4_MILLIS).bytes();
        message.limit(message.limit() - 3);
        assertThrows(MalformedExportException.class, () -> decoder.decode(ROUTER, message));
        assertThrows(MalformedExportException.class,
                () -> decoder.decode(ROUTER, java.nio.ByteBuffer.wrap(new byte[] { 0, 5, 0, 1, 0, 0 })));
        var shortRecord = ExportMessage.netflowV9(EXPORTED, 1).template(1024, 8, 4, 12, 4).bytes();
        assertTrue(decoder.decode(ROUTER, shortRecord).flows.isEmpty());
    }

    private static byte[] scanRecord(String target, int port, long startMillis) {
        return record(ip("192.168.1.66"), ip(target), u(2, 40_001), u(2, port), u(1, 6), u(8, 60), u(4, 1),
                u(8, startMillis), u(8, startMillis + 250), u(1, 0x02));
    }

    private static byte[] ip(String text) {
        return address(text).getAddress();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
