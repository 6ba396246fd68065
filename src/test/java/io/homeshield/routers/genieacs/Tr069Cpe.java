package io.homeshield.routers.genieacs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A TR-069 router behind the test ACS: its own parameter values (which the ACS's stored copy may not
 * show), the RPCs it received from the ACS, and whether it answers connection requests. A parameter
 * the router does not have faults with 9005, a read-only one with 9008, as CWMP says.
 */
final class Tr069Cpe {

    static final String ACCESS_CONTROL = "Device.Hosts.AccessControl";
    static final String DNS_1 = "Device.DNS.Client.Server.1.DNSServer";
    static final String ACS_URL = "Device.ManagementServer.URL";
    static final String REMOTE_ACCESS = "Device.UserInterface.RemoteAccess.Enable";
    static final String UPNP = "Device.UPnP.Device.Enable";
    static final String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";
    static final String BLOCKED_DOMAINS = "Device.X_00256D_DNSFilter.BlockedDomains";

    /** A parameter ({@code type} an xsd type) or an object ({@code type} "object", writable when rows can be added). */
    record Param(String value, String type, boolean writable) {

        boolean object() {
            return "object".equals(type);
        }
    }

    /** A CWMP fault the router answers an RPC with. */
    static final class CwmpFault extends Exception {

        final int code;

        CwmpFault(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private final TreeMap<String, Param> params = new TreeMap<>();
    private final Map<String, Map<String, Param>> rowTemplates = new TreeMap<>();
    private final List<String> rpcs = new ArrayList<>();
    volatile boolean online = true;
    /** Routers that keep MAC addresses in lower case, whatever case the ACS sent. */
    volatile boolean lowerCaseMacs;
    /** How long a management session with this router lasts. */
    volatile Duration sessionLength = Duration.ZERO;
    /** Routers that acknowledge the next SetParameterValues but keep their old values (a busy or buggy firmware). */
    volatile boolean ignoresNextSet;

    /** The HS-Box 7 of the tests: TR-181, a host access table, a vendor DNS filter, two DNS servers. */
    static Tr069Cpe hsBox7() {
        Tr069Cpe cpe = new Tr069Cpe();
        cpe.param(SOFTWARE_VERSION, "1.5.0", "xsd:string", false)
                .param("Device.DeviceInfo.SerialNumber", "SN0001", "xsd:string", false)
                .param(ACS_URL, "http://acs.example-isp.net:7547", "xsd:string", true)
                .param("Device.ManagementServer.ConnectionRequestURL", "http://198.51.100.7:7547/cr", "xsd:string",
                        false)
                .param("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt", true)
                .param(DNS_1, "10.255.0.53", "xsd:string", true)
                .param("Device.DNS.Client.Server.1.Enable", "true", "xsd:boolean", true)
                .param("Device.DNS.Client.Server.2.DNSServer", "10.255.0.54", "xsd:string", true)
                .param("Device.DNS.Client.Server.2.Enable", "true", "xsd:boolean", true)
                .param(REMOTE_ACCESS, "false", "xsd:boolean", true)
                .param(UPNP, "false", "xsd:boolean", true)
                .param(BLOCKED_DOMAINS, "", "xsd:string", true)
                .table(ACCESS_CONTROL, Map.of("PhysAddress", new Param("", "xsd:string", true),
                        "AccessPolicy", new Param("Allow", "xsd:string", true),
                        "Enable", new Param("false", "xsd:boolean", true)));
        return cpe;
    }

    synchronized Tr069Cpe param(String path, String value, String type, boolean writable) {
        addAncestors(path);
        params.put(path, new Param(value, type, writable));
        return this;
    }

    /** A multi-instance object the ACS can add rows to, each row with the template's parameters. */
    synchronized Tr069Cpe table(String object, Map<String, Param> template) {
        addAncestors(object);
        params.put(object, new Param(null, "object", true));
        rowTemplates.put(object, new TreeMap<>(template));
        return this;
    }

    /** Drops a parameter or a whole object: this router model does not have it. */
    synchronized Tr069Cpe without(String path) {
        params.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "."));
        rowTemplates.remove(path);
        return this;
    }

    /** A row the router's owner (or the router itself) created; returns its instance number. */
    synchronized int ownRow(String object, Map<String, String> values) {
        int instance = newRow(object);
        values.forEach((name, value) -> changeLocally(object + "." + instance + "." + name, value));
        return instance;
    }

    /** A change made on the router itself (its web page, its owner, malware): the ACS is not told. */
    synchronized void changeLocally(String path, String value) {
        Param param = params.get(path);
        if (param == null || param.object()) {
            throw new IllegalArgumentException("no parameter " + path);
        }
        params.put(path, new Param(stored(path, value), param.type(), param.writable()));
    }

    synchronized String value(String path) {
        Param param = params.get(path);
        return param == null ? null : param.value();
    }

    synchronized List<String> rpcs() {
        return List.copyOf(rpcs);
    }

    synchronized long rpcCount(String prefix) {
        return rpcs.stream().filter(r -> r.startsWith(prefix)).count();
    }

    /** The parameters and objects at {@code path} and below it. */
    synchronized SortedMap<String, Param> at(String path) {
        TreeMap<String, Param> out = new TreeMap<>();
        params.forEach((p, param) -> {
            if (p.equals(path) || p.startsWith(path + ".")) {
                out.put(p, param);
            }
        });
        return out;
    }

    /** The instance numbers of a table's rows. */
    synchronized List<Integer> rows(String object) {
        List<Integer> rows = new ArrayList<>();
        for (String path : params.keySet()) {
            if (path.startsWith(object + ".")) {
                String rest = path.substring(object.length() + 1);
                if (!rest.contains(".") && rest.chars().allMatch(Character::isDigit)) {
                    rows.add(Integer.parseInt(rest));
                }
            }
        }
        return rows;
    }

    // The RPCs the ACS sends

    synchronized void getParameterValues(String path) {
        rpcs.add("GetParameterValues " + path);
    }

    /** All or nothing, as CWMP's SetParameterValues is. */
    synchronized void setParameterValues(List<String[]> values) throws CwmpFault {
        for (String[] value : values) {
            Param param = params.get(value[0]);
            if (param == null || param.object()) {
                throw new CwmpFault(9005, "Invalid parameter name");
            }
            if (!param.writable()) {
                throw new CwmpFault(9008, "Attempt to set a non-writable parameter");
            }
        }
        List<String> names = new ArrayList<>();
        if (ignoresNextSet) {
            ignoresNextSet = false;
            values.forEach(value -> names.add(value[0] + "=" + value[1]));
            rpcs.add("SetParameterValues " + String.join(",", names) + " (acknowledged, not applied)");
            return;
        }
        for (String[] value : values) {
            Param param = params.get(value[0]);
            params.put(value[0], new Param(stored(value[0], value[1]), param.type(), true));
            names.add(value[0] + "=" + value[1]);
        }
        rpcs.add("SetParameterValues " + String.join(",", names));
    }

    synchronized int addObject(String object) throws CwmpFault {
        if (!rowTemplates.containsKey(object)) {
            throw new CwmpFault(9005, "Invalid parameter name");
        }
        int instance = newRow(object);
        rpcs.add("AddObject " + object + ". -> " + instance);
        return instance;
    }

    synchronized void deleteObject(String path) throws CwmpFault {
        if (!params.containsKey(path) || !params.get(path).object()) {
            throw new CwmpFault(9005, "Invalid parameter name");
        }
        params.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "."));
        rpcs.add("DeleteObject " + path + ".");
    }

    synchronized void reboot() {
        rpcs.add("Reboot");
    }

    /** Back to factory settings: the rows added to its tables are gone. */
    synchronized void factoryReset() {
        for (String table : rowTemplates.keySet()) {
            params.keySet().removeIf(p -> p.startsWith(table + "."));
        }
        rpcs.add("FactoryReset");
    }

    synchronized void download(String fileType, String fileName) {
        rpcs.add("Download " + fileType + " " + fileName);
    }

    private int newRow(String object) {
        int instance = rows(object).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        String row = object + "." + instance;
        params.put(row, new Param(null, "object", true));
        rowTemplates.get(object).forEach((name, param) -> params.put(row + "." + name, param));
        return instance;
    }

    private String stored(String path, String value) {
        return lowerCaseMacs && path.endsWith(".PhysAddress") ? value.toLowerCase(Locale.ROOT) : value;
    }

    private void addAncestors(String path) {
        String[] segments = path.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            prefix.append(i == 0 ? "" : ".").append(segments[i]);
            params.putIfAbsent(prefix.toString(), new Param(null, "object", false));
        }
    }
}
