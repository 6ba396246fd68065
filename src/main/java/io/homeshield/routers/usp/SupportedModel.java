package io.homeshield.routers.usp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDMResp;

/**
 * The part of an agent's supported data model HomeShield uses, as the agent reported it with
 * GetSupportedDM: per object ({@code Device.Hosts.AccessControl.{i}.}), its parameters and whether
 * each is writable. An agent that cannot answer GetSupportedDM gets {@link #UNKNOWN}: HomeShield
 * then writes only the parameters every implementation of the object has.
 */
record SupportedModel(boolean known, Map<String, Map<String, Boolean>> objects) {

    static final String ACCESS_CONTROL = "Device.Hosts.AccessControl.{i}.";
    static final String DNS_SERVERS = "Device.DNS.Client.Server.{i}.";
    static final String SUBSCRIPTIONS = "Device.LocalAgent.Subscription.{i}.";
    static final String DEVICE_INFO = "Device.DeviceInfo.";
    static final String FIRMWARE_IMAGES = "Device.DeviceInfo.FirmwareImage.{i}.";
    /** What HomeShield reads of the agent's data model; the objects it uses and nothing below them it does not. */
    static final List<String> ASKED = List.of("Device.Hosts.AccessControl.", "Device.DNS.Client.Server.",
            "Device.LocalAgent.Subscription.", DEVICE_INFO);
    private static final Set<String> KEPT = Set.of(ACCESS_CONTROL, DNS_SERVERS, SUBSCRIPTIONS, DEVICE_INFO,
            FIRMWARE_IMAGES);

    /** Parameters the standard makes optional and agents implementing only the core ones refuse (USP error 7010). */
    private static final Set<String> OPTIONAL = Set.of("Origin");
    private static final List<String> BLOCKING = List.of("PhysAddress", "AccessPolicy", "Enable");

    static final SupportedModel UNKNOWN = new SupportedModel(false, Map.of());

    static SupportedModel of(GetSupportedDMResp answer) {
        Map<String, Map<String, Boolean>> objects = new LinkedHashMap<>();
        for (GetSupportedDMResp.RequestedObjectResult requested : answer.getReqObjResultsList()) {
            if (requested.getErrCode() != 0) {
                continue;
            }
            for (GetSupportedDMResp.SupportedObjectResult object : requested.getSupportedObjsList()) {
                if (!KEPT.contains(object.getSupportedObjPath())) {
                    continue;
                }
                Map<String, Boolean> params = objects.computeIfAbsent(object.getSupportedObjPath(), o
                        -> new LinkedHashMap<>());
                object.getSupportedParamsList().forEach(param -> params.put(param.getParamName(),
                        param.getAccess() != GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY));
            }
        }
        return new SupportedModel(true, objects);
    }

    boolean hasObject(String objectPath) {
        return !known || objects.containsKey(objectPath);
    }

    /**
     * Whether HomeShield may write the parameter: a known model must list it writable; an unknown one gets core
     * parameters only.
     */
    boolean writable(String objectPath, String param) {
        if (!known) {
            return !OPTIONAL.contains(param);
        }
        return objects.getOrDefault(objectPath, Map.of()).getOrDefault(param, false);
    }

    boolean canBlockDevices() {
        return hasObject(ACCESS_CONTROL) && BLOCKING.stream().allMatch(param -> writable(ACCESS_CONTROL, param));
    }

    boolean canReportDnsChanges() {
        return hasObject(DNS_SERVERS) && hasObject(SUBSCRIPTIONS);
    }

    /** What the router can and cannot do for HomeShield, in plain words, for the router's page. */
    String summary() {
        if (!known) {
            return "The router did not say which settings it supports; HomeShield sends only the settings every router "
                    + "has.";
        }
        List<String> sentences = new ArrayList<>();
        if (!canBlockDevices()) {
            sentences.add(blockingUnsupported());
        } else if (!writable(ACCESS_CONTROL, "Origin")) {
            sentences.add("It can block devices; it does not record who created a block, so HomeShield marks its "
                    + "own blocks by their name (homeshield-…).");
        } else {
            sentences.add("It can block devices.");
        }
        sentences.add(canReportDnsChanges() ? "It reports changes of its DNS servers."
                : "It cannot report changes of its DNS servers, so a hijacked resolver is only seen in its telemetry.");
        if (!hasObject(DEVICE_INFO)) {
            sentences.add("It does not report its firmware version.");
        }
        return String.join(" ", sentences);
    }

    static String blockingUnsupported() {
        return "This router cannot block devices: it has no access-control table HomeShield can write "
                + "(Device.Hosts.AccessControl with PhysAddress, AccessPolicy and Enable).";
    }

    /** One line per object: {@code path|param=rw,param=r}. */
    String serialized() {
        StringBuilder text = new StringBuilder();
        objects.forEach((path, params) -> {
            text.append(path).append('|');
            List<String> entries = new ArrayList<>();
            params.forEach((name, writable) -> entries.add(name + (writable ? "=rw" : "=r")));
            text.append(String.join(",", entries)).append('\n');
        });
        return text.toString();
    }

    static SupportedModel parse(String text) {
        Map<String, Map<String, Boolean>> objects = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                continue;
            }
            Map<String, Boolean> params = objects.computeIfAbsent(line.substring(0, bar), o -> new LinkedHashMap<>());
            for (String entry : line.substring(bar + 1).split(",")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    params.put(entry.substring(0, eq), entry.substring(eq + 1).equals("rw"));
                }
            }
        }
        return new SupportedModel(true, objects);
    }
}
