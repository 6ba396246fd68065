package io.homeshield.routers.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.net.MacAddress;

/**
 * The simulated routers' own state: per router, the {@code Device.Hosts.AccessControl} table a
 * real TR-181 router keeps. Entries are keyed by {@code PhysAddress}, as the standard's unique key.
 */
@ApplicationScoped
public class SimulatedRouters {

    private final Map<UUID, Table> tables = new ConcurrentHashMap<>();
    private final Set<UUID> unreachable = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Duration> answerTimes = new ConcurrentHashMap<>();
    private final Map<UUID, RouterBlocklist> blocklists = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, String>> parameters = new ConcurrentHashMap<>();
    private final Set<UUID> staysDownAfterRestart = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<UUID, Map<String, String>> logFiles = new ConcurrentHashMap<>();

    /** The router's access-control table as it is now, ordered by instance number. */
    public List<AccessControlEntry> accessControl(UUID routerId) {
        Table table = tables.get(routerId);
        return table == null ? List.of() : table.snapshot();
    }

    /** Whether the router cuts the device off now. */
    public boolean denies(UUID routerId, MacAddress device) {
        return accessControl(routerId).stream().anyMatch(e -> e.physAddress().equals(device.value()) && e.denies());
    }

    /** Adds or updates the Deny entry for the device (an Add, or a Set on the existing instance). */
    void deny(UUID routerId, MacAddress device) {
        tables.computeIfAbsent(routerId, id -> new Table()).deny(device);
    }

    /** Deletes the device's entry, if any. */
    void allow(UUID routerId, MacAddress device) {
        Table table = tables.get(routerId);
        if (table != null) {
            table.delete(device);
        }
    }

    /** Switches the router off (it stops answering its management channel) or on again. */
    public void setReachable(UUID routerId, boolean reachable) {
        if (reachable) {
            unreachable.remove(routerId);
        } else {
            unreachable.add(routerId);
        }
    }

    public boolean isReachable(UUID routerId) {
        return !unreachable.contains(routerId);
    }

    /** How long the router takes to answer each request, as one on a slow or congested line. */
    public void setAnswerTime(UUID routerId, Duration answerTime) {
        answerTimes.put(routerId, answerTime);
    }

    Duration answerTime(UUID routerId) {
        return answerTimes.getOrDefault(routerId, Duration.ZERO);
    }

    /** The domains the router's DNS relay refuses to resolve, and for which devices. */
    public RouterBlocklist domainBlocks(UUID routerId) {
        return blocklists.getOrDefault(routerId, RouterBlocklist.EMPTY);
    }

    void replaceDomainBlocks(UUID routerId, RouterBlocklist blocklist) {
        blocklists.put(routerId, blocklist);
    }

    /** Forgets everything, as a factory reset would. */
    public void factoryReset(UUID routerId) {
        tables.remove(routerId);
        blocklists.remove(routerId);
        logFiles.remove(routerId);
        String firmware = parameter(routerId, SOFTWARE_VERSION);
        parameters.remove(routerId);
        if (firmware != null) {
            setParameter(routerId, SOFTWARE_VERSION, firmware);
        }
        restart(routerId);
    }

    static final String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";

    /** A parameter of the router's data model as it holds it now, or null when it has none. */
    public String parameter(UUID routerId, String path) {
        return parameters.getOrDefault(routerId, Map.of()).get(path);
    }

    /** Changes a parameter as someone at the router would (its own web UI, or an intruder). */
    public void setParameter(UUID routerId, String path, String value) {
        parameters.computeIfAbsent(routerId, id -> new ConcurrentHashMap<>()).put(path, value);
    }

    /** Every parameter the router holds now, as a Get of {@code Device.} would return them. */
    public Map<String, String> parameters(UUID routerId) {
        Map<String, String> all = new TreeMap<>(parameters.getOrDefault(routerId, Map.of()));
        for (AccessControlEntry entry : accessControl(routerId)) {
            String row = "Device.Hosts.AccessControl." + entry.instance() + ".";
            all.put(row + "Alias", entry.alias());
            all.put(row + "PhysAddress", entry.physAddress());
            all.put(row + "HostName", entry.hostName());
            all.put(row + "Enable", String.valueOf(entry.enable()));
            all.put(row + "AccessPolicy", entry.accessPolicy());
        }
        return all;
    }

    /** A log file the router keeps (its vendor log), as an intruder's activity would leave it. */
    public void writeLogFile(UUID routerId, String name, String text) {
        logFiles.computeIfAbsent(routerId, id -> new ConcurrentHashMap<>()).put(name, text);
    }

    Map<String, String> logFiles(UUID routerId) {
        return new TreeMap<>(logFiles.getOrDefault(routerId, Map.of()));
    }

    /** A router that will not come back from its next restart (a failed flash, a dead power supply). */
    public void staysDownAfterRestart(UUID routerId) {
        staysDownAfterRestart.add(routerId);
    }

    /** How often the router was restarted (also by a reset or a firmware installation). */
    public int restarts(UUID routerId) {
        return restarts.getOrDefault(routerId, 0);
    }

    void restart(UUID routerId) {
        restarts.merge(routerId, 1, Integer::sum);
        if (staysDownAfterRestart.remove(routerId)) {
            unreachable.add(routerId);
        }
    }

    private static final class Table {
        private final List<AccessControlEntry> entries = new ArrayList<>();
        private int nextInstance = 1;

        synchronized List<AccessControlEntry> snapshot() {
            return List.copyOf(entries);
        }

        synchronized void deny(MacAddress device) {
            for (int i = 0; i < entries.size(); i++) {
                AccessControlEntry e = entries.get(i);
                if (e.physAddress().equals(device.value())) {
                    entries.set(i, new AccessControlEntry(e.instance(), e.alias(), e.physAddress(), e.hostName(), true,
                            "Deny", "Controller"));
                    return;
                }
            }
            int instance = nextInstance++;
            entries.add(new AccessControlEntry(instance, "cpe-homeshield-" + instance, device.value(), "", true, "Deny",
                    "Controller"));
        }

        synchronized void delete(MacAddress device) {
            entries.removeIf(e -> e.physAddress().equals(device.value()));
        }
    }
}
