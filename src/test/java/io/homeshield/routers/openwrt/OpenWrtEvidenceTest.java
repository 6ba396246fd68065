package io.homeshield.routers.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;

/**
 * Evidence from an OpenWrt router through rpcd, with the ACL the provider installs for it and with
 * HomeShield's ordinary ACL: what rpcd refuses is named, and nothing on the router is changed.
 */
class OpenWrtEvidenceTest {

    private static final RpcdLogin LOGIN = new RpcdLogin("homeshield", "per-router-secret-1");
    private static final String PS = """
              PID USER       VSZ STAT COMMAND
                1 root      1524 S    /sbin/procd
             1234 root      1100 S    /usr/sbin/dropbear -F -P /var/run/dropbear.1.pid -p 22
             2001 root       900 S    /tmp/.x/kworkerd -c 198.51.100.23:7777
            """;
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1201 1
               1: 00000000:1E61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1388 1
               2: 0101A8C0:0016 0201A8C0:D431 01 00000000:00000000 02:00097B2E 00000000     0        0 1502 4
            """;

    private UbusPeer router;
    private OpenWrtRouterControl control;

    @BeforeEach
    void start() {
        router = UbusPeer.start();
        router.section("system", "cfg01e48a", "system", true, Map.of("hostname", "OpenWrt", "zonename", "UTC"));
        router.section("dropbear", "cfg014dd4", "dropbear", true, Map.of("Port", "22", "PasswordAuth", "on"));
        router.section("dhcp", "cfg01411c", "dnsmasq", true, Map.of("domain", "lan", "server",
                List.of("198.51.100.53")));
        router.section("firewall", "cfg02dc81", "rule", true, Map.of("name", "Allow-SSH-WAN", "src", "wan",
                "dest_port", "22", "target", "ACCEPT"));
        router.file("/proc/net/tcp", TCP);
        router.file("/proc/net/udp", "  sl  local_address rem_address   st\n");
        router.program("/bin/ps", PS);
        router.logLine("dropbear[1234]: Password auth succeeded for 'root' from 203.0.113.9:50122");
        control = TestOpenWrtConfig.standard().control(new OpenWrtRouterControlTest.SteppingClock(), LOGIN);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void withTheForensicsAclEveryConfigTheBoardProcessesSocketsAndLogAreCollectedAndNothingChanges() throws Exception {
        router.login(LOGIN.username(), LOGIN.password(), UbusPeer.Acl.withForensics());

        EvidenceBundle evidence = control.collectEvidence(target());

        Map<String, String> p = evidence.parameters();
        assertEquals("198.51.100.53", p.get("uci.dhcp.dnsmasq.1.server.1"));
        assertEquals("Allow-SSH-WAN", p.get("uci.firewall.rule.1.name"));
        assertEquals("on", p.get("uci.dropbear.dropbear.1.PasswordAuth"));
        assertEquals("23.05.3", p.get("system.board.release.version"));
        assertEquals("/tmp/.x/kworkerd -c 198.51.100.23:7777", p.get("system.process.3.command"));
        assertEquals("tcp 0.0.0.0:22", p.get("system.listening.1"));
        assertEquals("tcp 0.0.0.0:7777", p.get("system.listening.2"));
        assertEquals(2, p.keySet().stream().filter(k -> k.startsWith("system.listening.")).count(),
                "an established connection is not a listening socket");
        String export = evidence.files().get("uci export");
        assertTrue(export.contains("package firewall\n") && export.contains("config rule\n")
                && export.contains("\toption name 'Allow-SSH-WAN'\n"), export);
        assertTrue(export.contains("\tlist server '198.51.100.53'\n"), export);
        assertTrue(evidence.files().get("system log").contains("Password auth succeeded for 'root'"));
        assertTrue(evidence.files().containsKey("system info"));
        assertEquals(List.of("Listening sockets (/proc/net/tcp6): the router did not give it (status 4).",
                "Listening sockets (/proc/net/udp6): the router did not give it (status 4)."), evidence.notCollected());
        assertTrue(router.received().stream().noneMatch(call -> "uci".equals(call.object())
                && List.of("set", "add", "delete", "apply", "commit").contains(call.method())),
                "collecting evidence changes nothing on the router");
    }

    @Test
    void withHomeShieldsOrdinaryAclWhatRpcdRefusesIsNamedInPlainWords() throws Exception {
        router.login(LOGIN);

        EvidenceBundle evidence = control.collectEvidence(target());

        assertEquals("198.51.100.53", evidence.parameters().get("uci.dhcp.dnsmasq.1.server.1"));
        assertEquals("23.05.3", evidence.parameters().get("system.board.release.version"));
        List<String> missing = evidence.notCollected();
        assertEquals(5, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("Configuration system, dropbear: HomeShield's login may not read it"),
                missing.get(0));
        assertTrue(missing.get(1).startsWith("System information (uptime, memory, load): The router does not let"
                + " HomeShield's account use system info"), missing.get(1));
        assertTrue(missing.get(2).startsWith(
                "Process list: The router does not let HomeShield's account use file exec"),
                missing.get(2));
        assertTrue(missing.get(3).startsWith("Listening sockets (/proc/net/tcp): The router does not let"),
                missing.get(3));
        assertTrue(missing.get(4).startsWith("System log: The router does not let HomeShield's account use log read"),
                missing.get(4));
    }

    @Test
    void aBuildWithoutLogdSaysTheRouterLacksTheLogService() throws Exception {
        router.login(LOGIN.username(), LOGIN.password(), UbusPeer.Acl.withForensics());
        router.withoutLogd();

        EvidenceBundle evidence = control.collectEvidence(target());

        assertTrue(evidence.notCollected().contains("System log: The router lacks the log service HomeShield needs."),
                evidence.notCollected().toString());
    }

    private RouterTarget target() {
        return new RouterTarget(UUID.randomUUID(), "SN-OWRT-1", "OpenWrt One", ManagementChannel.OPENWRT, router.url());
    }
}
