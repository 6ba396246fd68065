package io.homeshield.routers.usp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;
import io.homeshield.routers.usp.proto.UspMsgProto.Add;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Set;

/** The USP adapter against the real Mosquitto and a USP agent that speaks the real protobuf Records. */
class UspRouterControlTest extends UspAgentTestBase {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:11:22");
    private static final MacAddress LAPTOP = MacAddress.of("AA:BB:CC:00:33:44");

    @Test
    void quarantineAddsOneDenyEntryForTheDeviceAndRepeatingItAddsNoSecond() throws Exception {
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        List<Msg> adds = agent.requests(MsgType.ADD);
        assertEquals(1, adds.size());
        Add add = adds.get(0).getBody().getRequest().getAdd();
        assertFalse(add.getAllowPartial());
        assertEquals(1, add.getCreateObjsCount());
        assertEquals("Device.Hosts.AccessControl.", add.getCreateObjs(0).getObjPath());
        Map<String, String> params = add.getCreateObjs(0).getParamSettingsList().stream()
                .collect(Collectors.toMap(Add.CreateParamSetting::getParam, Add.CreateParamSetting::getValue));
        assertEquals(Map.of("Alias", "homeshield-aabbcc001122", "PhysAddress", "AA:BB:CC:00:11:22",
                "AccessPolicy", "Deny", "Enable", "true", "Origin", "Controller"), params);

        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(1, table.size());
        assertEquals("Deny", table.get(1).get("AccessPolicy"));
        assertEquals(List.of(), agent.requests(MsgType.SET), "an entry already denying needs no change");
        assertTrue(agent.records().stream().allMatch(r -> r.getToId().equals(agent.endpointId())
                && r.getFromId().equals(settings.controllerEndpointId())));
    }

    @Test
    void anEntryTheRouterAlreadyHasForTheDeviceIsSetToDenyInsteadOfAddingASecond() throws Exception {
        agent.model().put(AgentDataModel.ACCESS_CONTROL, Map.of("Alias", "cpe-1", "PhysAddress", "aa:bb:cc:00:11:22",
                "Enable", "true", "AccessPolicy", "Allow", "Origin", "User"));

        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        assertEquals(List.of(), agent.requests(MsgType.ADD));
        List<Msg> sets = agent.requests(MsgType.SET);
        assertEquals(1, sets.size());
        Set set = sets.get(0).getBody().getRequest().getSet();
        assertFalse(set.getAllowPartial());
        assertEquals("Device.Hosts.AccessControl.1.", set.getUpdateObjs(0).getObjPath());
        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(1, table.size());
        assertEquals("Deny", table.get(1).get("AccessPolicy"));
        assertTrue(usp.isQuarantined(router, CAMERA), "a MAC written in lower case by the router is the same device");
    }

    @Test
    void anEntryCreatedOnTheRouterBetweenReadAndAddIsSetInsteadOfDuplicated() throws Exception {
        agent.model().beforeNextAdd(() -> agent.model().put(AgentDataModel.ACCESS_CONTROL, Map.of("Alias", "cpe-1",
                "PhysAddress", CAMERA.value(), "Enable", "true", "AccessPolicy", "Allow", "Origin", "User")));

        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        assertEquals(1, agent.requests(MsgType.ADD).size(), "refused for the unique key PhysAddress");
        assertEquals(1, agent.requests(MsgType.SET).size());
        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(1, table.size());
        assertTrue(usp.isQuarantined(router, CAMERA));
    }

    @Test
    void releaseDeletesExactlyTheDevicesEntryAndReleasingAgainSendsNoDelete() throws Exception {
        usp.quarantine(router, LAPTOP, QuarantineLevel.FULL);
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        usp.release(router, CAMERA);
        usp.release(router, CAMERA);

        List<Msg> deletes = agent.requests(MsgType.DELETE);
        assertEquals(1, deletes.size());
        assertEquals(List.of("Device.Hosts.AccessControl.2."),
                deletes.get(0).getBody().getRequest().getDelete().getObjPathsList());
        assertFalse(deletes.get(0).getBody().getRequest().getDelete().getAllowPartial());
        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(List.of("AA:BB:CC:00:33:44"), table.values().stream().map(e -> e.get("PhysAddress")).toList());
    }

    @Test
    void verificationReadsTheAccessControlTableBack() throws Exception {
        assertFalse(usp.isQuarantined(router, CAMERA));
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);
        int getsBefore = agent.requests(MsgType.GET).size();

        assertTrue(usp.isQuarantined(router, CAMERA));
        assertFalse(usp.isQuarantined(router, LAPTOP));

        List<Msg> gets = agent.requests(MsgType.GET);
        assertEquals(getsBefore + 2, gets.size());
        assertEquals(List.of("Device.Hosts.AccessControl."),
                gets.get(gets.size() - 1).getBody().getRequest().getGet().getParamPathsList());
    }

    @Test
    void aDisabledOrAllowEntryIsNoQuarantine() throws Exception {
        agent.model().put(AgentDataModel.ACCESS_CONTROL, Map.of("PhysAddress", CAMERA.value(), "Enable", "false",
                "AccessPolicy", "Deny"));
        agent.model().put(AgentDataModel.ACCESS_CONTROL, Map.of("PhysAddress", LAPTOP.value(), "Enable", "true",
                "AccessPolicy", "Allow"));

        assertFalse(usp.isQuarantined(router, CAMERA));
        assertFalse(usp.isQuarantined(router, LAPTOP));
    }

    @Test
    void aRouterModelWithoutAccessControlSaysSoInPlainWordsAndIsNotRetried() throws Exception {
        agent.model().dropAccessControl();

        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.quarantine(router, CAMERA, QuarantineLevel.FULL));

        assertEquals(SupportedModel.blockingUnsupported(), e.getMessage());
        assertFalse(e.retryable());
        assertEquals(List.of(), agent.requests(MsgType.ADD), "nothing is sent that the agent cannot take");
        assertTrue(usp.capabilities(router).startsWith("This router cannot block devices"), usp.capabilities(router));
    }

    @Test
    void anAgentErrorOnTheAddComesBackAsTheReason() {
        agent.refuseWith(7006);

        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.quarantine(router, CAMERA, QuarantineLevel.FULL));

        assertEquals("The router does not allow HomeShield to change this setting.", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void anInternalErrorOfTheRouterIsWorthAnotherTry() {
        agent.refuseWith(7003);

        RouterControlException e = assertThrows(RouterControlException.class, () -> usp.release(router, CAMERA));

        assertEquals("The router reported an internal error.", e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void aSilentAgentIsARetryableTimeout() {
        agent.silent(true);
        long started = System.nanoTime();

        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.quarantine(router, CAMERA, QuarantineLevel.FULL));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("The router did not answer in time.", e.getMessage());
        assertTrue(e.retryable());
        assertTrue(waited.compareTo(Duration.ofMillis(1400)) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                "waited " + waited);
        assertEquals(1, agent.requests().size(), "the agent got the request and kept quiet");
    }

    @Test
    void internetOnlyIsolationIsRefusedWithoutTouchingTheRouter() {
        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.quarantine(router, CAMERA, QuarantineLevel.INTERNET_ONLY));

        assertTrue(e.getMessage().contains("internet-only isolation is not supported"), e.getMessage());
        assertFalse(e.retryable());
        assertEquals(List.of(), agent.requests());
    }

    @Test
    void aRouterWithoutAUsableEndpointIdIsNotContacted() {
        RouterTarget unregistered = new RouterTarget(router.id(), "SN-1", "HS-Box 7", ManagementChannel.USP, "usp/#");

        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.isQuarantined(unregistered, CAMERA));

        assertFalse(e.retryable());
        assertEquals(List.of(), agent.requests());
    }

    @Test
    void hostsListsTheDevicesTheRouterSees() throws Exception {
        agent.model().put(AgentDataModel.HOSTS, Map.of("PhysAddress", "aa:bb:cc:00:11:22", "IPAddress", "192.168.1.23",
                "HostName", "IPCAM-4F2A", "Active", "true", "InterfaceType", "Wi-Fi"));
        agent.model().put(AgentDataModel.HOSTS, Map.of("PhysAddress", "AA:BB:CC:00:33:44", "IPAddress", "",
                "HostName", "laptop", "Active", "false"));

        Map<MacAddress, LanHost> hosts = usp.hosts(router).stream()
                .collect(Collectors.toMap(LanHost::mac, Function.identity()));

        assertEquals(2, hosts.size());
        LanHost camera = hosts.get(CAMERA);
        assertEquals("192.168.1.23", camera.ipAddress().value());
        assertEquals("IPCAM-4F2A", camera.hostName());
        assertTrue(camera.active());
        assertFalse(hosts.get(LAPTOP).active());
        assertEquals(null, hosts.get(LAPTOP).ipAddress());
        assertEquals(List.of("Device.Hosts.Host."),
                agent.requests(MsgType.GET).get(0).getBody().getRequest().getGet().getParamPathsList());
    }
}
