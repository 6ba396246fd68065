package io.homeshield.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads what the pages stored, each in its own transaction. */
final class PortalTestData {

    private PortalTestData() {
    }

    static long actionsFor(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("deviceId", deviceId));
    }

    static long actionsFor(UUID deviceId, ActionKind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.count("deviceId = ?1 and kind = ?2", deviceId, kind));
    }

    static EnforcementAction onlyAction(UUID deviceId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.<EnforcementAction>find("deviceId", deviceId).singleResult());
    }

    static DeviceQuarantine quarantineOf(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(deviceId));
    }

    static Household household(HouseholdId id) {
        return QuarkusTransaction.requiringNew().call(() -> Household.findById(id.value()));
    }

    static void describe(Device device, String vendor, String ip, boolean online) {
        QuarkusTransaction.requiringNew().run(() -> {
            Device stored = Device.findById(device.id);
            stored.vendor = vendor;
            stored.ipAddress = ip;
            stored.online = online;
        });
    }

    static Device device(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Device.findById(id));
    }

    static Alert alert(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.findById(id));
    }

    /** Stores a block directly (no router sync), for tests about who may change it. */
    static UUID block(HouseholdId household, String domain, UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BlockedDomain block = new BlockedDomain();
            block.id = UUID.randomUUID();
            block.householdId = household.value();
            block.domain = domain;
            block.deviceId = deviceId;
            block.createdBy = "test";
            block.createdAt = Instant.now();
            block.persist();
            return block.id;
        });
    }

    static List<String> blockedDomains(HouseholdId household) {
        return QuarkusTransaction.requiringNew().call(()
                -> BlockedDomain.<BlockedDomain>list("householdId = ?1 order by domain",
                household.value()).stream().map(b -> b.domain).toList());
    }

    static HouseholdMember addMember(HouseholdId household, String subject, MemberRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HouseholdMember member = new HouseholdMember(household, subject, subject, role, Instant.now());
            member.persist();
            return member;
        });
    }

    static UUID invite(HouseholdId household, String invitee, MemberRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HouseholdInvitation invitation = new HouseholdInvitation();
            invitation.id = UUID.randomUUID();
            invitation.householdId = household.value();
            invitation.invitee = invitee;
            invitation.role = role;
            invitation.invitedBy = "test";
            invitation.createdAt = Instant.now();
            invitation.persist();
            return invitation.id;
        });
    }

    static long invitations(HouseholdId household) {
        return QuarkusTransaction.requiringNew().call(()
                -> HouseholdInvitation.count("householdId", household.value()));
    }

    static long members(HouseholdId household) {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.count("householdId", household.value()));
    }

    /** A day of hourly traffic and a few destinations for the device, as the telemetry roll-ups would store them. */
    static void traffic(UUID deviceId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Device.getEntityManager().createNativeQuery("""
                    insert into device_activity (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
                    select ?1, date_trunc('hour', now()) - (g * interval '1 hour'),
                        200000 + 150000 * (g % 5), 900000 + 400000 * ((g * 7) % 11), 20 + g, 5 + g
                    from generate_series(0, 23) g
                    """).setParameter(1, deviceId).executeUpdate();
            Device.getEntityManager().createNativeQuery("""
                    insert into device_destination (device_id, activity_day, destination, bytes, connections)
                    values (?1, current_date, 'cdn.camera-vendor.example', 5400000, 180),
                           (?1, current_date, 'bt-c2.example.net', 420000, 96),
                           (?1, current_date, 'time.example.org', 12000, 24)
                    """).setParameter(1, deviceId).executeUpdate();
        });
    }
}
