package io.homeshield.activity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.audit.AuditEntry;
import io.homeshield.audit.AuditLog;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.inventory.DeviceNames;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.Router;

/** The household's activity log in words: who did what to which device. */
@ApplicationScoped
public class ActivityViews {

    private static final Set<String> STAFF = Set.of("support", "analyst", "admin");
    /** Entries read per act shown: a request, its dispatch, application and verification. */
    private static final int ENTRIES_PER_ACT = 4;
    private static final Pattern ROUTER = Pattern
            .compile("\\brouter ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern MAC = Pattern.compile("(?i)\\b([0-9A-F]{2}(:[0-9A-F]{2}){5})\\b");

    private final AuditLog audit;
    private final DeviceQueries devices;

    ActivityViews(AuditLog audit, DeviceQueries devices) {
        this.audit = audit;
        this.devices = devices;
    }

    /** The household's latest acts, one row each: a request and its progress fold into one, a staff visit too. */
    public List<ActivityRow> recent(HouseholdId household, int limit) {
        List<ActivityRow> acts = ActivityActs.fold(older(household, null, limit * ENTRIES_PER_ACT));
        return acts.subList(0, Math.min(limit, acts.size()));
    }

    /** Entries older than the entry {@code beforeId} (from the newest when null), newest first. */
    public List<ActivityRow> older(HouseholdId household, Long beforeId, int limit) {
        Map<String, String> members = HouseholdMember.listOf(household).stream()
                .collect(Collectors.toMap(m -> m.subject, m -> m.displayName, (a, b) -> a));
        Map<String, String> deviceNames = devices.list(household).stream()
                .collect(Collectors.toMap(d -> d.mac, DeviceNames::friendlyName, (a, b) -> a));
        Map<String, String> routerNames = devices.routers(household).stream()
                .collect(Collectors.toMap(r -> r.id.toString(), ActivityViews::routerName, (a, b) -> a));
        return audit.olderFor(household.value(), beforeId, limit).stream()
                .map(e -> row(e, members, mac -> deviceNames.get(mac), routerNames)).toList();
    }

    /** A router as people know it: its model ("router FRITZ!Box 7590"), never its id. */
    private static String routerName(Router router) {
        return "router " + (router.model == null || router.model.isBlank() ? router.serialNumber : router.model);
    }

    static ActivityRow row(AuditEntry entry, Map<String, String> members, Function<String, String> deviceByMac) {
        return row(entry, members, deviceByMac, Map.of());
    }

    static ActivityRow row(AuditEntry entry, Map<String, String> members, Function<String, String> deviceByMac,
            Map<String, String> routerNames) {
        String kind;
        String name;
        if (members.containsKey(entry.actor)) {
            kind = "member";
            name = members.get(entry.actor);
        } else if (STAFF.contains(entry.actorRole)) {
            kind = "staff";
            name = entry.actor;
        } else if ("subscriber".equals(entry.actorRole)) {
            kind = "member";
            name = entry.actor;
        } else {
            kind = "rule".equals(entry.actorRole) ? "rule" : "system";
            name = "";
        }
        return new ActivityRow(entry, kind, name,
                readableRouter(readableTarget(entry.target, deviceByMac), routerNames));
    }

    /** Replaces "router <id>" by the router's model. */
    static String readableRouter(String target, Map<String, String> routerNames) {
        if (target == null) {
            return null;
        }
        Matcher router = ROUTER.matcher(target);
        StringBuilder result = new StringBuilder();
        while (router.find()) {
            router.appendReplacement(result,
                    Matcher.quoteReplacement(routerNames.getOrDefault(router.group(1), "router")));
        }
        router.appendTail(result);
        return result.toString();
    }

    /** Replaces a MAC address in the target by the device's name, which people recognise. */
    static String readableTarget(String target, Function<String, String> deviceByMac) {
        if (target == null) {
            return null;
        }
        String result = target;
        Matcher mac = MAC.matcher(target);
        while (mac.find()) {
            String name = deviceByMac.apply(mac.group(1).toUpperCase(Locale.ROOT));
            if (name != null) {
                result = result.replace(mac.group(1), name);
            }
        }
        return result;
    }
}
