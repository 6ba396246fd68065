package io.homeshield.routers.usp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.logging.Log;

/**
 * {@link RouterControl} for routers managed over TR-369 USP: quarantine is a Deny entry in the
 * router's {@code Device.Hosts.AccessControl} table, created by HomeShield ({@code Origin} Controller).
 * A Deny entry cuts the host off entirely, so only full quarantine is offered.
 */
@ApplicationScoped
@LookupIfProperty(name = "homeshield.usp.enabled", stringValue = "true")
class UspRouterControl implements RouterControl {

    static final String ACCESS_CONTROL = "Device.Hosts.AccessControl.";
    static final String HOSTS = "Device.Hosts.Host.";
    static final String SUBSCRIPTIONS = "Device.LocalAgent.Subscription.";
    static final String DNS_SERVERS = "Device.DNS.Client.Server.";
    /** The {@code ID} of HomeShield's subscription on each agent; the agent keeps it unique. */
    static final String DNS_WATCH_ID = "homeshield-dns-servers";

    private static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9-]+:[^:\\s+#]*:[^\\s+#]+");

    private final UspController controller;

    UspRouterControl(UspController controller) {
        this.controller = controller;
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.USP;
    }

    @Override
    public void quarantine(RouterTarget router, MacAddress device, QuarantineLevel level) throws RouterControlException {
        if (level != QuarantineLevel.FULL) {
            throw new RouterControlException("This router can only cut a device off entirely; "
                    + "internet-only isolation is not supported.", false);
        }
        String agent = agentOf(router);
        Optional<AccessControlRow> existing = entryFor(agent, device);
        if (existing.isEmpty()) {
            try {
                addDenyEntry(agent, device);
                return;
            } catch (UspRequestRefused e) {
                if (e.code() != UspErrorReasons.UNIQUE_KEY_CONFLICT) {
                    throw e;
                }
                // Someone added an entry for the device since it was read: update that one instead.
                existing = entryFor(agent, device);
                if (existing.isEmpty()) {
                    throw e;
                }
            }
        }
        if (!existing.get().denies()) {
            call(agent, UspMessages.set(existing.get().path(), denyParameters()));
        }
    }

    @Override
    public void release(RouterTarget router, MacAddress device) throws RouterControlException {
        String agent = agentOf(router);
        List<String> paths = accessControl(agent).stream().filter(row -> row.isFor(device))
                .map(AccessControlRow::path).toList();
        if (!paths.isEmpty()) {
            UspResults.deleted(call(agent, UspMessages.delete(paths)).getDeleteResp());
        }
    }

    @Override
    public boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException {
        return entryFor(agentOf(router), device).map(AccessControlRow::denies).orElse(false);
    }

    /** One Set carrying every parameter, grouped by object: the agent takes all of them or none. */
    @Override
    public void setParameters(RouterTarget router, Map<String, String> values) throws RouterControlException {
        Map<String, Map<String, String>> byObject = new LinkedHashMap<>();
        values.forEach((path, value) -> byObject.computeIfAbsent(objectOf(path), o -> new LinkedHashMap<>())
                .put(path.substring(path.lastIndexOf('.') + 1), value));
        UspResults.updated(call(agentOf(router), UspMessages.setAll(byObject)).getSetResp());
    }

    /** Reads the objects holding the parameters (agents answer object paths most reliably) and picks them out. */
    @Override
    public Map<String, String> parameters(RouterTarget router, Collection<String> paths) throws RouterControlException {
        String[] objects = paths.stream().map(UspRouterControl::objectOf).distinct().toArray(String[]::new);
        Map<String, String> all = UspResults.parameters(call(agentOf(router), UspMessages.get(objects)).getGetResp());
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String path : paths) {
            if (all.containsKey(path)) {
                wanted.put(path, all.get(path));
            }
        }
        return wanted;
    }

    @Override
    public void reboot(RouterTarget router) throws RouterControlException {
        operate(router, "Device.Reboot()", Map.of());
    }

    @Override
    public void factoryReset(RouterTarget router) throws RouterControlException {
        operate(router, "Device.FactoryReset()", Map.of());
    }

    /** {@code Download()} into the image bank the router is not running, activated once it is written. */
    @Override
    public void installFirmware(RouterTarget router, FirmwareImage image) throws RouterControlException {
        String agent = agentOf(router);
        Map<String, String> info = UspResults.parameters(call(agent, UspMessages.get("Device.DeviceInfo.")).getGetResp());
        String active = info.getOrDefault("Device.DeviceInfo.ActiveFirmwareImage", "");
        String bank = UspResults.instances(call(agent, UspMessages.get(FIRMWARE_IMAGES)).getGetResp(), FIRMWARE_IMAGES)
                .keySet().stream().filter(path -> !path.equals(active) && !(path.equals(active + "."))).findFirst()
                .orElseThrow(() -> new RouterControlException("The router has no spare firmware bank to install into.",
                        false));
        Map<String, String> args = new LinkedHashMap<>(Map.of("URL", image.url(), "AutoActivate", "true"));
        if (image.sha256() != null) {
            // TR-181 Download(): the agent checks the image against it before it activates the image
            args.put("CheckSumAlgorithm", "SHA-256");
            args.put("CheckSum", image.sha256());
        }
        operate(router, bank + "Download()", args);
    }

    private void operate(RouterTarget router, String command, Map<String, String> args) throws RouterControlException {
        UspResults.operated(call(agentOf(router), UspMessages.operate(command, args)).getOperateResp());
    }

    /** {@code Device.DNS.Client.Server.1.DNSServer} is parameter DNSServer of object {@code Device.DNS.Client.Server.1.}. */
    static String objectOf(String parameterPath) {
        return parameterPath.substring(0, parameterPath.lastIndexOf('.') + 1);
    }

    static final String FIRMWARE_IMAGES = "Device.DeviceInfo.FirmwareImage.";

    /** The devices the router sees on its LAN now. */
    List<LanHost> hosts(RouterTarget router) throws RouterControlException {
        String agent = agentOf(router);
        return LanHost.of(UspResults.instances(call(agent, UspMessages.get(HOSTS)).getGetResp(), HOSTS));
    }

    /**
     * Asks the agent to report every change of its DNS server settings (a ValueChange subscription
     * the agent keeps across reboots). Returns false when the agent already has it.
     */
    boolean watchDnsServers(RouterTarget router) throws RouterControlException {
        String agent = agentOf(router);
        Map<String, Map<String, String>> subscriptions =
                UspResults.instances(call(agent, UspMessages.get(SUBSCRIPTIONS)).getGetResp(), SUBSCRIPTIONS);
        if (subscriptions.values().stream().anyMatch(s -> DNS_WATCH_ID.equals(s.get("ID")))) {
            return false;
        }
        Map<String, String> subscription = new LinkedHashMap<>();
        subscription.put("ID", DNS_WATCH_ID);
        subscription.put("Enable", "true");
        subscription.put("NotifType", "ValueChange");
        subscription.put("ReferenceList", DNS_SERVERS);
        subscription.put("Persistent", "true");
        try {
            String path = UspResults.created(call(agent, UspMessages.add(SUBSCRIPTIONS, subscription)).getAddResp());
            Log.infof("USP agent %s watches its DNS servers for HomeShield (%s)", agent, path);
            return true;
        } catch (UspRequestRefused e) {
            if (e.code() == UspErrorReasons.UNIQUE_KEY_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private void addDenyEntry(String agent, MacAddress device) throws RouterControlException {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("Alias", aliasFor(device));
        entry.put("PhysAddress", device.value());
        entry.putAll(denyParameters());
        String path = UspResults.created(call(agent, UspMessages.add(ACCESS_CONTROL, entry)).getAddResp());
        Log.debugf("USP agent %s blocks %s at %s", agent, device, path);
    }

    private static Map<String, String> denyParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessPolicy", "Deny");
        params.put("Enable", "true");
        params.put("Origin", "Controller");
        return params;
    }

    /** Controller-chosen aliases must not start with "cpe-", which the standard keeps for the router's own. */
    static String aliasFor(MacAddress device) {
        return "homeshield-" + device.value().replace(":", "").toLowerCase();
    }

    private Optional<AccessControlRow> entryFor(String agent, MacAddress device) throws RouterControlException {
        return accessControl(agent).stream().filter(row -> row.isFor(device)).findFirst();
    }

    private List<AccessControlRow> accessControl(String agent) throws RouterControlException {
        return AccessControlRow.of(
                UspResults.instances(call(agent, UspMessages.get(ACCESS_CONTROL)).getGetResp(), ACCESS_CONTROL));
    }

    private Response call(String agent, Msg request) throws RouterControlException {
        return controller.call(agent, request);
    }

    private static String agentOf(RouterTarget router) throws RouterControlException {
        String endpointId = router.managementAddress();
        if (endpointId == null || !ENDPOINT_ID.matcher(endpointId).matches()) {
            throw new RouterControlException("The router is not registered with a valid USP endpoint id; "
                    + "the provider's support needs to correct its registration.", false);
        }
        return endpointId;
    }
}
