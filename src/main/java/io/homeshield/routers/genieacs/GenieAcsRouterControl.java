package io.homeshield.routers.genieacs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.CapabilityRefusals;
import io.homeshield.enforcement.DomainBlocking;
import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceCollection;
import io.homeshield.enforcement.FactoryReset;
import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.FirmwareInstall;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.Quarantining;
import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterParameters;
import io.homeshield.enforcement.RouterRestart;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/**
 * {@link RouterControl} through the provider's GenieACS (TR-069). The router's management address is
 * its ACS device id ({@code OUI-ProductClass-Serial}).
 * <p>
 * Quarantine on TR-181 routers is a denying {@code Device.Hosts.AccessControl} entry: HomeShield
 * refreshes the table, adds the entry (or turns an existing one to Deny) and tags the router so the
 * ACS's own preset keeps the entry in force in later sessions. The standard entry blocks a host as a
 * whole, so these routers offer full quarantine only. TR-098 routers offer only MAC allow-lists,
 * which cannot block one device without cutting off every other: HomeShield says so instead.
 * <p>
 * Setting changes go through {@link SettingWrites}, which has the ACS read the router first, because
 * GenieACS skips a change its (possibly stale) stored copy already shows and still answers 200.
 * <p>
 * A task the router did not run because it is offline stays queued in the ACS under a fixed
 * {@code uniqueKey} (a retry replaces it instead of adding another; restarts, resets and firmware
 * installations too, which GenieACS would otherwise pile up) and expires after
 * {@code homeshield.genieacs.queued-task-expiry}.
 */
@ApplicationScoped
class GenieAcsRouterControl implements Quarantining, DomainBlocking, RouterParameters, RouterRestart,
        FactoryReset, FirmwareInstall, EvidenceCollection {

    private final GenieAcsConfig config;
    private final GenieAcsNbi nbi;
    private final QuarantinePreset preset;
    private final SettingWrites settings;

    GenieAcsRouterControl(GenieAcsConfig config, ObjectMapper json) {
        this.config = config;
        this.nbi = new GenieAcsNbi(config, json);
        this.preset = new QuarantinePreset(nbi);
        this.settings = new SettingWrites(nbi);
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.GENIEACS;
    }

    @Override
    public void quarantine(RouterTarget router, MacAddress device,
            QuarantineLevel level) throws RouterControlException {
        String deviceId = deviceId(router);
        requireHostAccessControl(router);
        if (level != QuarantineLevel.FULL) {
            throw new RouterControlException("This router model can only cut a device off entirely; "
                    + "internet-only isolation is not supported.", false);
        }
        preset.ensureInstalled();
        cancelPending(deviceId, releaseKey(device));
        TaskOutcome refreshed = refreshAccessControl(deviceId);
        if (refreshed != TaskOutcome.DONE) {
            // No task of ours may add the entry as well, or the router would end up with two.
            cancelPending(deviceId, quarantineKey(device));
            preset.tag(deviceId, device);
            throw refreshed.unfinished("; the provider's system will also apply the quarantine as soon as the "
                    + "router connects.");
        }
        AcsDocument table = accessControl(deviceId);
        requireAccessTable(table);
        List<HostAccessControl.Entry> entries = HostAccessControl.entriesFor(table, device);
        if (entries.stream().noneMatch(HostAccessControl.Entry::denies)) {
            if (entries.isEmpty()) {
                requireAddableRows(table);
            }
            ObjectNode task = entries.isEmpty() ? addDenyEntry(device) : turnToDeny(entries.get(0));
            task.put("uniqueKey", quarantineKey(device));
            TaskOutcome added = nbi.runTask(deviceId, task);
            if (added != TaskOutcome.DONE) {
                throw added.unfinished(".");
            }
        }
        preset.tag(deviceId, device);
    }

    @Override
    public void release(RouterTarget router, MacAddress device) throws RouterControlException {
        String deviceId = deviceId(router);
        if (dataModel(router) == DataModel.TR098) {
            return;
        }
        // Untag first, so the ACS's preset does not put the entry back while it is being removed.
        AcsDocument tagged = new AcsDocument(nbi.device(deviceId, "_tags"));
        preset.untag(deviceId, device, tagged);
        cancelPending(deviceId, quarantineKey(device));
        TaskOutcome refreshed = refreshAccessControl(deviceId);
        if (refreshed != TaskOutcome.DONE) {
            throw refreshed.unfinished(" to lift the block.");
        }
        for (HostAccessControl.Entry entry : HostAccessControl.entriesFor(accessControl(deviceId), device)) {
            ObjectNode task = nbi.newTask("deleteObject").put("objectName", entry.path())
                    .put("uniqueKey", releaseKey(device) + "-" + entry.instance());
            TaskOutcome deleted = nbi.runTask(deviceId, task);
            if (deleted != TaskOutcome.DONE) {
                throw deleted.unfinished(" to lift the block.");
            }
        }
    }

    @Override
    public boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException {
        String deviceId = deviceId(router);
        if (dataModel(router) == DataModel.TR098) {
            return false;
        }
        TaskOutcome refreshed = refreshAccessControl(deviceId);
        if (refreshed != TaskOutcome.DONE) {
            throw refreshed.unfinished(" to read its settings back.");
        }
        return HostAccessControl.entriesFor(accessControl(deviceId), device).stream()
                .anyMatch(HostAccessControl.Entry::denies);
    }

    @Override
    public void applyDomainBlocks(RouterTarget router, RouterBlocklist blocklist) throws RouterControlException {
        DomainListParameter parameter = domainParameter(router);
        settings.write(deviceId(router), Map.of(parameter.path(), parameter.format(blocklist)));
    }

    @Override
    public RouterBlocklist domainBlocks(RouterTarget router) throws RouterControlException {
        DomainListParameter parameter = domainParameter(router);
        AcsDocument document = settings.read(deviceId(router), List.of(parameter.path()));
        return parameter.parse(document.value(parameter.path()).orElse(""));
    }

    /** One {@code setParameterValues} task with the values that differ, typed as the router types them. */
    @Override
    public void setParameters(RouterTarget router, Map<String, String> values) throws RouterControlException {
        settings.write(deviceId(router), values);
    }

    /** {@code getParameterValues} so the ACS reads the router now, then the values from the device document. */
    @Override
    public Map<String, String> parameters(RouterTarget router, Collection<String> paths) throws RouterControlException {
        AcsDocument document = settings.read(deviceId(router), paths);
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : paths) {
            document.value(path).ifPresent(value -> values.put(path, value));
        }
        return values;
    }

    @Override
    public void reboot(RouterTarget router) throws RouterControlException {
        command(router, nbi.newTask("reboot").put("uniqueKey", "homeshield-reboot"), "restart");
    }

    @Override
    public void factoryReset(RouterTarget router) throws RouterControlException {
        command(router, nbi.newTask("factoryReset").put("uniqueKey", "homeshield-factory-reset"), "reset");
    }

    /**
     * The ACS {@code download} task, file type 1 (firmware upgrade image): GenieACS serves the file from
     * its own file store, where the provider uploaded the image under the last segment of its URL.
     */
    @Override
    public void installFirmware(RouterTarget router, FirmwareImage image) throws RouterControlException {
        ObjectNode task = nbi.newTask("download").put("fileType", "1 Firmware Upgrade Image")
                .put("fileName", image.url().substring(image.url().lastIndexOf('/') + 1))
                .put("uniqueKey", "homeshield-firmware");
        command(router, task, "firmware installation");
    }

    /**
     * A full parameter refresh ({@code refreshObject} of the data model's root, so the ACS reads every
     * parameter from the router now, not its stale copy), then the whole tree from the device document.
     * The vendor log and configuration files would need the CPE's Upload RPC, which GenieACS 1.2 never
     * sends: its NBI tasks are getParameterValues, setParameterValues, refreshObject, addObject,
     * deleteObject, download, reboot and factoryReset, and its SOAP layer writes no Upload request. The
     * snapshot says so in plain words instead of pretending.
     */
    static final String NO_UPLOAD = "Vendor log file and configuration file: not uploaded (the router's Upload RPC"
            + " cannot be asked for through GenieACS, which has no upload task and never sends Upload to a router).";

    @Override
    public EvidenceBundle collectEvidence(RouterTarget router) throws RouterControlException {
        String deviceId = deviceId(router);
        String root = dataModel(router) == DataModel.TR098 ? "InternetGatewayDevice" : "Device";
        TaskOutcome refreshed = nbi.runTask(deviceId, nbi.newTask("refreshObject").put("objectName", root)
                .put("uniqueKey", "homeshield-evidence-refresh"));
        if (refreshed != TaskOutcome.DONE) {
            throw refreshed.unfinished("; the evidence is collected when it connects.");
        }
        EvidenceBundle.Builder evidence = EvidenceBundle.builder();
        flatten(root, nbi.device(deviceId, root).path(root), evidence);
        return evidence.notCollected(NO_UPLOAD).build();
    }

    /** Every leaf of a device document ({@code _value}) by its dotted path. */
    private static void flatten(String path, JsonNode node, EvidenceBundle.Builder evidence) {
        if (node.has("_value")) {
            evidence.parameter(path, node.path("_value").asText());
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().startsWith("_")) {
                flatten(path + "." + field.getKey(), field.getValue(), evidence);
            }
        });
    }

    private void command(RouterTarget router, ObjectNode task, String what) throws RouterControlException {
        // RUNNING: the router is carrying it out in a session that outlasted GenieACS's wait.
        if (nbi.runTask(deviceId(router), task) == TaskOutcome.QUEUED) {
            throw TaskOutcome.QUEUED.unfinished("; the " + what + " waits until it connects.");
        }
    }

    private TaskOutcome refreshAccessControl(String deviceId) throws RouterControlException {
        ObjectNode task = nbi.newTask("refreshObject").put("objectName", HostAccessControl.OBJECT)
                .put("uniqueKey", "homeshield-refresh-access-control");
        return nbi.runTask(deviceId, task);
    }

    private AcsDocument accessControl(String deviceId) throws RouterControlException {
        return new AcsDocument(nbi.device(deviceId, HostAccessControl.OBJECT));
    }

    private ObjectNode addDenyEntry(MacAddress device) {
        ObjectNode task = nbi.newTask("addObject").put("objectName", HostAccessControl.OBJECT);
        ArrayNode values = task.putArray("parameterValues");
        values.addArray().add("PhysAddress").add(device.value()).add("xsd:string");
        values.addArray().add("AccessPolicy").add("Deny").add("xsd:string");
        values.addArray().add("Enable").add(true).add("xsd:boolean");
        return task;
    }

    private ObjectNode turnToDeny(HostAccessControl.Entry entry) {
        ObjectNode task = nbi.newTask("setParameterValues");
        ArrayNode values = task.putArray("parameterValues");
        values.addArray().add(entry.path() + ".AccessPolicy").add("Deny").add("xsd:string");
        values.addArray().add(entry.path() + ".Enable").add(true).add("xsd:boolean");
        return task;
    }

    /** Drops tasks of ours still queued for the device whose key starts with {@code keyPrefix}. */
    private void cancelPending(String deviceId, String keyPrefix) throws RouterControlException {
        for (GenieAcsNbi.PendingTask task : nbi.pendingTasks(deviceId)) {
            if (task.uniqueKey().startsWith(keyPrefix)) {
                nbi.deleteTask(task.id());
            }
        }
    }

    /** The refreshed document must show the table: routers without it cannot keep one device out. */
    private static void requireAccessTable(AcsDocument table) throws RouterControlException {
        if (table.at(HostAccessControl.OBJECT).isMissingNode()) {
            throw new RouterControlException("This router does not have the host access table ("
                    + HostAccessControl.OBJECT + ") HomeShield uses to keep a device out; quarantine is not "
                    + "supported on it.", false);
        }
    }

    private static void requireAddableRows(AcsDocument table) throws RouterControlException {
        if (!table.at(HostAccessControl.OBJECT).path("_writable").asBoolean(true)) {
            throw new RouterControlException("This router does not let its host access table ("
                    + HostAccessControl.OBJECT + ") be added to, so HomeShield cannot keep a device out on it.", false);
        }
    }

    private void requireHostAccessControl(RouterTarget router) throws RouterControlException {
        if (dataModel(router) == DataModel.TR098) {
            throw new RouterControlException("This router model (TR-098) can only let listed devices in, not keep "
                    + "one device out; quarantine is not supported on it.", false);
        }
    }

    private DomainListParameter domainParameter(RouterTarget router) throws RouterControlException {
        Optional<GenieAcsConfig.DomainBlocking> mapping = Optional.ofNullable(config.models().get(router.model()))
                .flatMap(GenieAcsConfig.RouterModel::domainBlocking);
        if (mapping.isEmpty()) {
            throw CapabilityRefusals.of(DomainBlocking.class);
        }
        return DomainListParameter.of(mapping.get());
    }

    private DataModel dataModel(RouterTarget router) {
        GenieAcsConfig.RouterModel model = config.models().get(router.model());
        return model == null ? DataModel.TR181 : model.dataModel();
    }

    private static String deviceId(RouterTarget router) throws RouterControlException {
        String id = router.managementAddress();
        if (id == null || id.isBlank()) {
            throw new RouterControlException("This router's registration has no ACS device id, so HomeShield "
                    + "cannot reach it through the provider's management system.", false);
        }
        return id.trim();
    }

    private static String quarantineKey(MacAddress device) {
        return "homeshield-quarantine-" + device.value().replace(":", "");
    }

    private static String releaseKey(MacAddress device) {
        return "homeshield-release-" + device.value().replace(":", "");
    }
}
