package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.Tr069Cpe.ACCESS_CONTROL;
import static io.homeshield.routers.genieacs.Tr069Cpe.DNS_1;
import static io.homeshield.routers.genieacs.Tr069Cpe.UPNP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The provisions HomeShield installs, executed in a JavaScript engine against the model of GenieACS's
 * {@code declare} in {@link ProvisionRunner}, session after session, on a router behind the test ACS.
 */
class GenieAcsProvisionsTest {

    private static final String CAMERA_TAG = "quarantine_AABBCC000002";

    private final ObjectMapper json = new ObjectMapper();
    private ProvisionRunner runner;
    private AcsDevice device;
    private Tr069Cpe cpe;

    @BeforeEach
    void router() {
        runner = new ProvisionRunner();
        cpe = Tr069Cpe.hsBox7();
        device = new AcsDevice(GenieAcsPeer.DEVICE, cpe);
        device.tag("quarantine");
        device.tag(CAMERA_TAG);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aLowerCaseMacRouterKeepsExactlyOneDenyRowOverTenSessions() {
        cpe.lowerCaseMacs = true;

        for (int session = 0; session < 10; session++) {
            quarantineSession();
        }

        assertEquals(1, cpe.rows(ACCESS_CONTROL).size(), cpe.rpcs().toString());
        assertEquals(1, cpe.rpcCount("AddObject"));
        String row = ACCESS_CONTROL + "." + cpe.rows(ACCESS_CONTROL).get(0);
        assertEquals("aa:bb:cc:00:00:02", cpe.value(row + ".PhysAddress"));
        assertEquals("Deny", cpe.value(row + ".AccessPolicy"));
        assertEquals("true", cpe.value(row + ".Enable"));
    }

    @Test
    void anInstanceKeyAloneMatchesExactlySoOnALowerCaseRouterItAddsARowInEverySession() {
        cpe.lowerCaseMacs = true;
        String keyedOnly = """
                const now = Date.now();
                const entry = "Device.Hosts.AccessControl.[PhysAddress:\\"AA:BB:CC:00:00:02\\"]";
                declare(entry, {path: now}, {path: 1});
                declare(entry + ".AccessPolicy", {value: now}, {value: "Deny"});
                """;

        for (int session = 0; session < 3; session++) {
            runner.run(keyedOnly, json.createArrayNode(), device, Instant.now());
        }

        assertEquals(3, cpe.rows(ACCESS_CONTROL).size(), "what the provision did before it compared in any case");
    }

    @Test
    void anUpperCaseMacRouterKeepsOneRowToo() {
        for (int session = 0; session < 10; session++) {
            quarantineSession();
        }
        assertEquals(1, cpe.rows(ACCESS_CONTROL).size());
    }

    @Test
    void theOwnersAllowRowIsTurnedToDenyAndARowTheOwnerDeletedComesBack() throws Exception {
        int own = cpe.ownRow(ACCESS_CONTROL, Map.of("PhysAddress", "aa:bb:cc:00:00:02", "AccessPolicy", "Allow",
                "Enable", "true"));
        quarantineSession();
        assertEquals("Deny", cpe.value(ACCESS_CONTROL + "." + own + ".AccessPolicy"));
        assertEquals(0, cpe.rpcCount("AddObject"));

        cpe.deleteObject(ACCESS_CONTROL + "." + own);
        quarantineSession();
        quarantineSession();
        assertEquals(1, cpe.rows(ACCESS_CONTROL).size());
        assertEquals("Deny", cpe.value(ACCESS_CONTROL + "." + cpe.rows(ACCESS_CONTROL).get(0) + ".AccessPolicy"));
    }

    @Test
    void aRouterWithoutTheQuarantineTagsIsLeftAsItIs() {
        device.untag(CAMERA_TAG);
        quarantineSession();
        assertTrue(cpe.rows(ACCESS_CONTROL).isEmpty());
        assertEquals(0, cpe.rpcCount("AddObject"));
    }

    @Test
    void theWatchProvisionReadsTheWatchedSettingsFromTheRouterInEverySession() {
        ArrayNode args = json.createArrayNode().add("Device.DNS.Client.Server.*.DNSServer").add(UPNP)
                .add("Device.ManagementServer.URL");
        String watch = ProvisionScripts.load(WatchPreset.NAME);

        runner.run(watch, args, device, Instant.now());
        assertEquals("10.255.0.53", device.storedValue(DNS_1));
        assertEquals("false", device.storedValue(UPNP));

        cpe.changeLocally(DNS_1, "203.0.113.66");
        cpe.changeLocally(UPNP, "true");
        runner.run(watch, args, device, Instant.now());
        assertEquals("203.0.113.66", device.storedValue(DNS_1));
        assertEquals("true", device.storedValue(UPNP));
        assertEquals(0, cpe.rpcCount("SetParameterValues"), "it only reads");
    }

    @Test
    void theWatchProvisionAsksATr098RouterOnlyForItsOwnDataModel() {
        Tr069Cpe old = new Tr069Cpe().param("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "3.1", "xsd:string",
                false)
                .param("InternetGatewayDevice.ManagementServer.URL", "http://acs.example-isp.net:7547", "xsd:string",
                        true);
        AcsDevice tr098 = new AcsDevice("00256D-Legacy%20300-SN0009",
                old).fetchedLongAgo("InternetGatewayDevice.DeviceInfo");
        ArrayNode args = json.createArrayNode().add("Device.ManagementServer.URL")
                .add("InternetGatewayDevice.ManagementServer.URL");

        runner.run(ProvisionScripts.load(WatchPreset.NAME), args, tr098, Instant.now());

        assertEquals("http://acs.example-isp.net:7547",
                tr098.storedValue("InternetGatewayDevice.ManagementServer.URL"));
        assertTrue(old.rpcs().stream().noneMatch(rpc -> rpc.contains(" Device.")), old.rpcs().toString());
    }

    @Test
    void theAcsWouldAcceptBothProvisions() {
        assertTrue(runner.compiles(ProvisionScripts.load(QuarantinePreset.NAME)));
        assertTrue(runner.compiles(ProvisionScripts.load(WatchPreset.NAME)));
        assertFalse(runner.compiles("declare("), "a script that does not compile is refused");
    }

    private void quarantineSession() {
        device.informed(Instant.now());
        runner.run(ProvisionScripts.load(QuarantinePreset.NAME), json.createArrayNode(), device, Instant.now());
    }
}
