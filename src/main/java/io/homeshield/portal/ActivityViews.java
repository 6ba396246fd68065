package io.homeshield.portal;

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
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;

/** The household's activity log in words: who did what to which device. */
@ApplicationScoped
public class ActivityViews {

    private static final Set<String> STAFF = Set.of("support", "analyst", "admin");
    private static final Pattern MAC = Pattern.compile("(?i)\\b([0-9A-F]{2}(:[0-9A-F]{2}){5})\\b");

    private final AuditLog audit;
    private final DeviceQueries devices;

    ActivityViews(AuditLog audit, DeviceQueries devices) {
        this.audit = audit;
        this.devices = devices;
    }

    List<ActivityRow> recent(HouseholdId household, int limit) {
        return older(household, null, limit);
    }

    /** Entries older than the entry {@code beforeId} (from the newest when null), newest first. */
    public List<ActivityRow> older(HouseholdId household, Long beforeId, int limit) {
        Map<String, String> members = HouseholdMember.listOf(household).stream()
                .collect(Collectors.toMap(m -> m.subject, m -> m.displayName, (a, b) -> a));
        Map<String, String> deviceNames = devices.list(household).stream()
                .collect(Collectors.toMap(d -> d.mac, Device::displayName, (a, b) -> a));
        return audit.olderFor(household, beforeId, limit).stream().map(e -> row(e, members, deviceNames::get)).toList();
    }

    static ActivityRow row(AuditEntry entry, Map<String, String> members, Function<String, String> deviceByMac) {
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
        return new ActivityRow(entry, kind, name, readableTarget(entry.target, deviceByMac));
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
