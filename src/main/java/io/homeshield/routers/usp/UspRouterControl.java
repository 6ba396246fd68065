package io.homeshield.routers.usp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceCollection;
import io.homeshield.enforcement.EvidenceUploads;
import io.homeshield.enforcement.FactoryReset;
import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.FirmwareInstall;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.Quarantining;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterParameters;
import io.homeshield.enforcement.RouterRestart;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.logging.Log;

/**
 * {@link RouterControl} for routers managed over TR-369 USP: quarantine is a Deny entry in the
 * router's {@code Device.Hosts.AccessControl} table. HomeShield writes only what the agent says it
 * supports (GetSupportedDM, kept per agent): {@code Origin} only where the agent has it. Entries
 * HomeShield creates carry an Alias {@code homeshield-…}; an entry of the router's own for the device
 * is set to Deny and put back to its previous policy on release, never deleted. A Deny entry cuts the
 * host off entirely, so only full quarantine is offered.
 */
@ApplicationScoped
@LookupIfProperty(name = "homeshield.usp.enabled", stringValue = "true")
class UspRouterControl implements Quarantining, RouterParameters, RouterRestart, FactoryReset, FirmwareInstall,
        EvidenceCollection {

    static final String ACCESS_CONTROL = "Device.Hosts.AccessControl.";
    static final String HOSTS = "Device.Hosts.Host.";
    static final String SUBSCRIPTIONS = "Device.LocalAgent.Subscription.";
    static final String DNS_SERVERS = "Device.DNS.Client.Server.";
    /** The {@code ID} of HomeShield's subscription on each agent; the agent keeps it unique. */
    static final String DNS_WATCH_ID = "homeshield-dns-servers";
    /** HomeShield's subscription to the agent's {@code Device.Boot!} event: a restart or reset is reported at once. */
    static final String BOOT_WATCH_ID = "homeshield-boot";
    static final String BOOT_EVENT = "Device.Boot!";

    private static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9-]+:[^:\\s+#]*:[^\\s+#]+");

    private final UspController controller;
    private final AgentStore store;
    private final EvidenceUploads uploads;

    UspRouterControl(UspController controller, AgentStore store, EvidenceUploads uploads) {
        this.controller = controller;
        this.store = store;
        this.uploads = uploads;
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.USP;
    }

    @Override
    public void quarantine(RouterTarget router, MacAddress device,
            QuarantineLevel level) throws RouterControlException {
        if (level != QuarantineLevel.FULL) {
            throw new RouterControlException("This router can only cut a device off entirely; "
                    + "internet-only isolation is not supported.", false);
        }
        String agent = agentOf(router);
        SupportedModel model = supportedModel(agent);
        if (!model.canBlockDevices()) {
            throw new RouterControlException(SupportedModel.blockingUnsupported(), false);
        }
        List<AccessControlRow> entries = entriesFor(agent, device);
        if (entries.isEmpty()) {
            try {
                addDenyEntry(agent, device, model);
                return;
            } catch (UspRequestRefused e) {
                if (e.code() != UspErrorReasons.UNIQUE_KEY_CONFLICT) {
                    throw e;
                }
                // Someone added an entry for the device since it was read: update that one instead.
                entries = entriesFor(agent, device);
                if (entries.isEmpty()) {
                    throw e;
                }
            }
        }
        for (AccessControlRow entry : entries) {
            if (entry.denies()) {
                continue;
            }
            if (!entry.isHomeShields()) {
                store.rememberPreviousPolicy(agent, device,
                        new AgentStore.PreviousPolicy(entry.alias(), entry.accessPolicy(), entry.enable()));
            }
            UspResults.updated(call(agent, UspMessages.set(entry.path(), denyParameters())).getSetResp());
        }
    }

    /** HomeShield's own entries are deleted; the router's own get back the policy they had before the quarantine. */
    @Override
    public void release(RouterTarget router, MacAddress device) throws RouterControlException {
        String agent = agentOf(router);
        List<AccessControlRow> entries = entriesFor(agent, device);
        Optional<AgentStore.PreviousPolicy> previous = store.previousPolicy(agent, device);
        List<String> own = new ArrayList<>();
        for (AccessControlRow entry : entries) {
            if (entry.isHomeShields()) {
                own.add(entry.path());
            } else if (previous.isPresent() && previous.get().alias().equals(entry.alias())) {
                Map<String, String> restored = new LinkedHashMap<>();
                restored.put("AccessPolicy", previous.get().accessPolicy());
                restored.put("Enable", Boolean.toString(previous.get().enable()));
                UspResults.updated(call(agent, UspMessages.set(entry.path(), restored)).getSetResp());
            }
        }
        if (!own.isEmpty()) {
            UspResults.deleted(call(agent, UspMessages.delete(own)).getDeleteResp());
        }
        if (previous.isPresent()) {
            store.forgetPreviousPolicy(agent, device);
        }
    }

    /** What the router can do for HomeShield, in plain words (from its supported data model). */
    String capabilities(RouterTarget router) throws RouterControlException {
        return supportedModel(agentOf(router)).summary();
    }

    /** The agent's supported data model as last read, or read now on first contact. */
    SupportedModel supportedModel(String agent) throws RouterControlException {
        Optional<SupportedModel> known = store.supportedModel(agent);
        return known.isPresent() ? known.get() : readSupportedModel(agent);
    }

    /**
     * Reads the agent's supported data model again (first contact, a restart, a new firmware). An
     * agent that does not answer GetSupportedDM is written to with the core parameters only.
     */
    SupportedModel readSupportedModel(String agent) throws RouterControlException {
        try {
            SupportedModel model = SupportedModel.of(
                    call(agent, UspMessages.getSupportedDm(SupportedModel.ASKED)).getGetSupportedDmResp());
            try {
                store.rememberSupportedModel(agent, model);
            } catch (RuntimeException e) {
                Log.infof("Supported data model of USP agent %s not stored; read again next time: %s", agent,
                        e.getMessage());
            }
            return model;
        } catch (UspRequestRefused e) {
            Log.infof("USP agent %s did not tell its supported data model (error %d); core parameters only",
                    agent, e.code());
            return SupportedModel.UNKNOWN;
        }
    }

    @Override
    public boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException {
        return entriesFor(agentOf(router), device).stream().anyMatch(AccessControlRow::denies);
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

    /** Reads the agent's whole data model and uploads its vendor log files; nothing on the router changes. */
    @Override
    public EvidenceBundle collectEvidence(RouterTarget router) throws RouterControlException {
        String agent = agentOf(router);
        return new UspEvidence(request -> call(agent, request), uploads).collect(router);
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
        Map<String, String> info = UspResults.parameters(call(agent,
                UspMessages.get("Device.DeviceInfo.")).getGetResp());
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

    /**
     * {@code Device.DNS.Client.Server.1.DNSServer} is parameter DNSServer of object {@code
     * Device.DNS.Client.Server.1.}.
     */
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
     * Makes sure the agent reports every change of its DNS server settings (ValueChange) and its
     * restarts ({@code Device.Boot!}), each with {@code NotifRetry} so the agent repeats a notification
     * until HomeShield has stored and acknowledged it. Returns true when a subscription was missing:
     * the agent is new or lost what HomeShield set up on it (a factory reset).
     */
    boolean watchDnsServers(RouterTarget router) throws RouterControlException {
        String agent = agentOf(router);
        Map<String, Map<String, String>> subscriptions =
                UspResults.instances(call(agent, UspMessages.get(SUBSCRIPTIONS)).getGetResp(), SUBSCRIPTIONS);
        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        if (supportedModel(agent).hasObject(SupportedModel.DNS_SERVERS)) {
            wanted.put(DNS_WATCH_ID, subscription(DNS_WATCH_ID, "ValueChange", DNS_SERVERS));
        } else {
            Log.infof("USP agent %s has no DNS client servers to watch", agent);
        }
        wanted.put(BOOT_WATCH_ID, subscription(BOOT_WATCH_ID, "Event", BOOT_EVENT));
        Map<String, Map<String, String>> retryOff = new LinkedHashMap<>();
        subscriptions.forEach((path, existing) -> {
            if (wanted.remove(existing.get("ID")) != null && !"true".equals(existing.get("NotifRetry"))
                    && !"1".equals(existing.get("NotifRetry"))) {
                retryOff.put(path, Map.of("NotifRetry", "true"));
            }
        });
        if (!retryOff.isEmpty()) {
            UspResults.updated(call(agent, UspMessages.setAll(retryOff)).getSetResp());
        }
        if (wanted.isEmpty()) {
            return false;
        }
        try {
            UspResults.created(call(agent, UspMessages.addAll(SUBSCRIPTIONS, wanted.values())).getAddResp());
            Log.infof("USP agent %s now reports DNS server changes and restarts to HomeShield", agent);
            return true;
        } catch (UspRequestRefused e) {
            if (e.code() == UspErrorReasons.UNIQUE_KEY_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, String> subscription(String id, String type, String reference) {
        Map<String, String> subscription = new LinkedHashMap<>();
        subscription.put("ID", id);
        subscription.put("Enable", "true");
        subscription.put("NotifType", type);
        subscription.put("ReferenceList", reference);
        subscription.put("Persistent", "true");
        subscription.put("NotifRetry", "true");
        return subscription;
    }

    private void addDenyEntry(String agent, MacAddress device, SupportedModel model) throws RouterControlException {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("Alias", aliasFor(device));
        entry.put("PhysAddress", device.value());
        entry.putAll(denyParameters());
        if (model.writable(SupportedModel.ACCESS_CONTROL, "Origin")) {
            entry.put("Origin", "Controller");
        }
        String path = UspResults.created(call(agent, UspMessages.add(ACCESS_CONTROL, entry)).getAddResp());
        Log.debugf("USP agent %s blocks %s at %s", agent, device, path);
    }

    private static Map<String, String> denyParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessPolicy", "Deny");
        params.put("Enable", "true");
        return params;
    }

    /** Controller-chosen aliases must not start with "cpe-", which the standard keeps for the router's own. */
    static String aliasFor(MacAddress device) {
        return AccessControlRow.OWN_ALIAS_PREFIX + device.value().replace(":", "").toLowerCase(Locale.ROOT);
    }

    private List<AccessControlRow> entriesFor(String agent, MacAddress device) throws RouterControlException {
        return accessControl(agent).stream().filter(row -> row.isFor(device)).toList();
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
