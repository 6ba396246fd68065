package io.homeshield.routers.openwrt;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.DomainBlocklist;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/**
 * {@link RouterControl} for OpenWrt routers through their ubus JSON-RPC interface (the router's
 * management address is its ubus URL, e.g. {@code https://192.0.2.10/ubus}). Quarantine is a named
 * firewall rule per device ({@link QuarantineRules}), blocked domains are dnsmasq address entries
 * ({@link DnsmasqBlocklist}); every change is applied with rollback and confirmed. Changes to one
 * router are made one at a time, since they share the session's staged changes. A restart is
 * {@code system reboot}. Settings by TR-181 path (baselines) are refused: OpenWrt keeps its settings
 * in UCI, and which UCI option stands for which TR-181 parameter differs per build.
 */
@ApplicationScoped
class OpenWrtRouterControl implements RouterControl {

    private final UbusClient ubus;
    private final Uci uci;
    private final Map<String, Object> routerLocks = new ConcurrentHashMap<>();

    OpenWrtRouterControl(OpenWrtConfig config, ObjectMapper json, Clock clock) {
        this.ubus = new UbusClient(config, json, clock);
        this.uci = new Uci(ubus, config);
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.OPENWRT;
    }

    @Override
    public void quarantine(RouterTarget router, MacAddress device, QuarantineLevel level) throws RouterControlException {
        URI url = ubusUrl(router);
        change(url, QuarantineRules.CONFIG, QuarantineRules.SETTINGS, () -> {
            removeRules(url, device);
            ObjectNode forward = ubus.args();
            QuarantineRules.fillForward(forward, device, level);
            uci.add(url, QuarantineRules.CONFIG, "rule", QuarantineRules.forwardRule(device), forward,
                    QuarantineRules.SETTINGS);
            if (level == QuarantineLevel.FULL) {
                ObjectNode toRouter = ubus.args();
                QuarantineRules.fillRouter(toRouter, device);
                uci.add(url, QuarantineRules.CONFIG, "rule", QuarantineRules.routerRule(device), toRouter,
                        QuarantineRules.SETTINGS);
            }
        });
    }

    @Override
    public void release(RouterTarget router, MacAddress device) throws RouterControlException {
        URI url = ubusUrl(router);
        change(url, QuarantineRules.CONFIG, QuarantineRules.SETTINGS, () -> removeRules(url, device));
    }

    @Override
    public boolean isQuarantined(RouterTarget router, MacAddress device) throws RouterControlException {
        return uci.section(ubusUrl(router), QuarantineRules.CONFIG, QuarantineRules.forwardRule(device),
                QuarantineRules.SETTINGS).map(rule -> QuarantineRules.rejects(rule, device)).orElse(false);
    }

    @Override
    public void applyDomainBlocks(RouterTarget router, DomainBlocklist blocklist) throws RouterControlException {
        URI url = ubusUrl(router);
        List<String> wanted = DnsmasqBlocklist.domains(blocklist);
        change(url, DnsmasqBlocklist.CONFIG, DnsmasqBlocklist.SETTINGS, () -> {
            Iterator<Map.Entry<String, JsonNode>> sections = dnsmasqSections(url);
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                ObjectNode values = ubus.args();
                values.putArray(DnsmasqBlocklist.ADDRESS)
                        .addAll(DnsmasqBlocklist.addressesFor(section.getValue(), wanted).stream()
                                .map(values::textNode).toList());
                values.putArray(DnsmasqBlocklist.OURS).addAll(wanted.stream().map(values::textNode).toList());
                uci.set(url, DnsmasqBlocklist.CONFIG, section.getKey(), values, DnsmasqBlocklist.SETTINGS);
            }
        });
    }

    /** The domains every dnsmasq instance of the router blocks on HomeShield's behalf. */
    @Override
    public DomainBlocklist domainBlocks(RouterTarget router) throws RouterControlException {
        Iterator<Map.Entry<String, JsonNode>> sections = dnsmasqSections(ubusUrl(router));
        Set<String> blocked = null;
        while (sections.hasNext()) {
            Set<String> here = DnsmasqBlocklist.blockedIn(sections.next().getValue());
            if (blocked == null) {
                blocked = new HashSet<>(here);
            } else {
                blocked.retainAll(here);
            }
        }
        return DnsmasqBlocklist.toBlocklist(blocked == null ? Set.of() : blocked);
    }

    /** {@code system reboot}: rpcd accepts it at once and the router restarts a moment later. */
    @Override
    public void reboot(RouterTarget router) throws RouterControlException {
        UbusReply reply = ubus.call(ubusUrl(router), SYSTEM, "reboot", ubus.args());
        if (reply.status() != UbusStatus.OK) {
            throw UbusStatus.commandFailure(reply.status(), "restart the router");
        }
    }

    /** The OpenWrt release the router runs, from {@code system board} ({@code release.version}). */
    @Override
    public String firmwareVersion(RouterTarget router) throws RouterControlException {
        UbusReply reply = ubus.call(ubusUrl(router), SYSTEM, "board", ubus.args());
        if (reply.status() != UbusStatus.OK) {
            throw UbusStatus.commandFailure(reply.status(), "read the router's firmware version");
        }
        String version = reply.data().path("release").path("version").asText("");
        if (version.isBlank()) {
            throw new RouterControlException("The router did not say which firmware it runs.", true);
        }
        return version;
    }

    private static final String SYSTEM = "system";

    private Iterator<Map.Entry<String, JsonNode>> dnsmasqSections(URI url) throws RouterControlException {
        JsonNode sections = uci.sectionsOfType(url, DnsmasqBlocklist.CONFIG, DnsmasqBlocklist.TYPE,
                DnsmasqBlocklist.SETTINGS);
        if (sections.isEmpty()) {
            throw new RouterControlException("This router has no dnsmasq DNS server configured, so it cannot block "
                    + "domains.", false);
        }
        return sections.fields();
    }

    /** Stages a change to one configuration and applies it, one change per router at a time. */
    private void change(URI url, String configName, String settings, Staging staging) throws RouterControlException {
        synchronized (lockOf(url)) {
            try {
                staging.stage();
                uci.applyAndConfirm(url, settings);
            } catch (RouterControlException e) {
                uci.revertQuietly(url, configName);
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Staging {
        void stage() throws RouterControlException;
    }

    private void removeRules(URI url, MacAddress device) throws RouterControlException {
        uci.delete(url, QuarantineRules.CONFIG, QuarantineRules.forwardRule(device), QuarantineRules.SETTINGS);
        uci.delete(url, QuarantineRules.CONFIG, QuarantineRules.routerRule(device), QuarantineRules.SETTINGS);
    }

    private Object lockOf(URI url) {
        return routerLocks.computeIfAbsent(url.toString(), key -> new Object());
    }

    private static URI ubusUrl(RouterTarget router) throws RouterControlException {
        String address = router.managementAddress();
        try {
            URI url = URI.create(address == null ? "" : address.trim());
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException notAUrl) {
            // falls through to the refusal below
        }
        throw new RouterControlException("This router's registration has no ubus address (such as "
                + "https://192.0.2.10/ubus), so HomeShield cannot reach it.", false);
    }
}
