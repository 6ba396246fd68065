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

import io.homeshield.enforcement.DomainBlocking;
import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceCollection;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.Quarantining;
import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControl;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterRestart;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;
import io.quarkus.logging.Log;

/**
 * {@link RouterControl} for OpenWrt routers through their ubus JSON-RPC interface (the router's
 * management address is its ubus URL, e.g. {@code https://192.0.2.10/ubus}). Quarantine is a named
 * firewall rule per device ({@link QuarantineRules}), blocked domains are dnsmasq address entries
 * ({@link DnsmasqBlocklist}); every change is staged in one rpcd session, applied with rollback and
 * confirmed. Changes to one router are made one at a time, since they share the session's staged changes;
 * a change whose session was lost before it was applied is staged again in a new one. Each router is
 * reached with its own login ({@link OpenWrtLogins}), over https unless {@link ManagementTransport}
 * allows http for its management network. A restart is
 * {@code system reboot}. Settings by TR-181 path (baselines) are refused: OpenWrt keeps its settings
 * in UCI, and which UCI option stands for which TR-181 parameter differs per build.
 */
@ApplicationScoped
class OpenWrtRouterControl implements Quarantining, DomainBlocking, RouterRestart, EvidenceCollection {

    /** A change is staged at most this often when the router keeps losing HomeShield's session. */
    private static final int STAGINGS = 2;
    private static final String SYSTEM = "system";

    private final UbusClient ubus;
    private final Uci uci;
    private final OpenWrtEvidence evidence;
    private final RouterLogins logins;
    private final ManagementTransport transport;
    private final Map<String, Object> routerLocks = new ConcurrentHashMap<>();

    OpenWrtRouterControl(OpenWrtConfig config, ObjectMapper json, Clock clock, RouterLogins logins,
            ManagementTransport transport) {
        this.ubus = new UbusClient(config, json, clock);
        this.uci = new Uci(ubus, config);
        this.evidence = new OpenWrtEvidence(ubus);
        this.logins = logins;
        this.transport = transport;
    }

    @Override
    public ManagementChannel channel() {
        return ManagementChannel.OPENWRT;
    }

    @Override
    public void quarantine(RouterTarget target, MacAddress device, QuarantineLevel level)
            throws RouterControlException {
        change(router(target), QuarantineRules.CONFIG, QuarantineRules.SETTINGS, session -> {
            removeRules(session, device);
            ObjectNode forward = ubus.args();
            QuarantineRules.fillForward(forward, device, level);
            uci.add(session, QuarantineRules.CONFIG, "rule", QuarantineRules.forwardRule(device), forward,
                    QuarantineRules.SETTINGS);
            if (level == QuarantineLevel.FULL) {
                ObjectNode toRouter = ubus.args();
                QuarantineRules.fillRouter(toRouter, device);
                uci.add(session, QuarantineRules.CONFIG, "rule", QuarantineRules.routerRule(device), toRouter,
                        QuarantineRules.SETTINGS);
            }
        });
    }

    @Override
    public void release(RouterTarget target, MacAddress device) throws RouterControlException {
        change(router(target), QuarantineRules.CONFIG, QuarantineRules.SETTINGS,
                session -> removeRules(session, device));
    }

    @Override
    public boolean isQuarantined(RouterTarget target, MacAddress device) throws RouterControlException {
        return uci.section(router(target), QuarantineRules.CONFIG, QuarantineRules.forwardRule(device),
                QuarantineRules.SETTINGS).map(rule -> QuarantineRules.rejects(rule, device)).orElse(false);
    }

    /**
     * Rewrites HomeShield's entries of every dnsmasq instance's {@code address} list. rpcd refuses to set a
     * list to nothing, so a list left empty (the last blocked domain removed) is deleted as an option.
     */
    @Override
    public void applyDomainBlocks(RouterTarget target, RouterBlocklist blocklist) throws RouterControlException {
        UbusRouter router = router(target);
        List<String> wanted = DnsmasqBlocklist.domains(blocklist);
        change(router, DnsmasqBlocklist.CONFIG, DnsmasqBlocklist.SETTINGS, session -> {
            Iterator<Map.Entry<String, JsonNode>> sections = dnsmasqSections(router);
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                List<String> addresses = DnsmasqBlocklist.addressesFor(section.getValue(), wanted);
                ObjectNode values = ubus.args();
                listOrDelete(session, section.getKey(), values, DnsmasqBlocklist.ADDRESS, addresses);
                listOrDelete(session, section.getKey(), values, DnsmasqBlocklist.OURS, wanted);
                if (!values.isEmpty()) {
                    uci.set(session, DnsmasqBlocklist.CONFIG, section.getKey(), values, DnsmasqBlocklist.SETTINGS);
                }
            }
        });
    }

    private void listOrDelete(UbusSession session, String section, ObjectNode values, String option,
            List<String> entries) throws RouterControlException {
        if (entries.isEmpty()) {
            uci.deleteOption(session, DnsmasqBlocklist.CONFIG, section, option, DnsmasqBlocklist.SETTINGS);
        } else {
            values.putArray(option).addAll(entries.stream().map(values::textNode).toList());
        }
    }

    /** The domains every dnsmasq instance of the router blocks on HomeShield's behalf. */
    @Override
    public RouterBlocklist domainBlocks(RouterTarget target) throws RouterControlException {
        Iterator<Map.Entry<String, JsonNode>> sections = dnsmasqSections(router(target));
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
    public void reboot(RouterTarget target) throws RouterControlException {
        UbusReply reply = ubus.call(router(target), SYSTEM, "reboot", ubus.args());
        if (reply.status() != UbusStatus.OK) {
            throw UbusStatus.commandFailure(reply.status(), "restart the router");
        }
    }

    /** Reads the router's configurations, board, processes, sockets and log; changes nothing. */
    @Override
    public EvidenceBundle collectEvidence(RouterTarget target) throws RouterControlException {
        return evidence.collect(router(target));
    }

    /** The OpenWrt release the router runs, from {@code system board} ({@code release.version}). */
    @Override
    public String firmwareVersion(RouterTarget target) throws RouterControlException {
        UbusReply reply = ubus.call(router(target), SYSTEM, "board", ubus.args());
        if (reply.status() != UbusStatus.OK) {
            throw UbusStatus.commandFailure(reply.status(), "read the router's firmware version");
        }
        String version = reply.data().path("release").path("version").asText("");
        if (version.isBlank()) {
            throw new RouterControlException("The router did not say which firmware it runs.", true);
        }
        return version;
    }

    private Iterator<Map.Entry<String, JsonNode>> dnsmasqSections(UbusRouter router) throws RouterControlException {
        JsonNode sections = uci.sectionsOfType(router, DnsmasqBlocklist.CONFIG, DnsmasqBlocklist.TYPE,
                DnsmasqBlocklist.SETTINGS);
        if (!sections.isObject() || sections.isEmpty()) {
            throw new RouterControlException("This router has no dnsmasq DNS server configured, so it cannot block "
                    + "domains.", false);
        }
        return sections.fields();
    }

    /**
     * Stages a change to one configuration in one session and applies it, one change per router at a time.
     * A session lost before the change was applied took the staged change with it: the whole change is
     * staged again in a new session.
     */
    private void change(UbusRouter router, String configName, String settings, Staging staging)
            throws RouterControlException {
        synchronized (lockOf(router)) {
            String lostAt = null;
            for (int stagings = 1;; stagings++) {
                UbusSession session = ubus.session(router);
                try {
                    staging.stage(session);
                    uci.applyAndConfirm(session, settings);
                    return;
                } catch (SessionLost lost) {
                    if (lost.call().equals(lostAt)) {
                        // A brand-new session refused at the same call: the account may not make it.
                        String[] call = lost.call().split(" ");
                        throw UbusClient.notAllowed(call[0], call[1]);
                    }
                    if (stagings >= STAGINGS) {
                        throw lost;
                    }
                    Log.debugf("Session on %s lost at %s; staging the change again", router, lost.call());
                    lostAt = lost.call();
                } catch (RouterControlException failed) {
                    throw withdrawn(session, configName, failed);
                }
            }
        }
    }

    /**
     * Drops what the failed change staged, so that the session's next apply does not commit it along with
     * another change. rpcd refuses {@code revert} while someone else's apply awaits confirmation; then the
     * session is given up, its staged changes left to expire with it, and the change is made again later
     * in a new session.
     */
    private RouterControlException withdrawn(UbusSession session, String configName, RouterControlException failed) {
        if (!session.hasStaged() || uci.revert(session, configName)) {
            return failed;
        }
        ubus.forget(session);
        return new RouterControlException(failed.getMessage() + " The router would not let HomeShield withdraw the "
                + "part it had staged, so HomeShield leaves that session unused and will make the change again later "
                + "in a new session.", failed.retryable(), failed);
    }

    @FunctionalInterface
    private interface Staging {
        void stage(UbusSession session) throws RouterControlException;
    }

    private void removeRules(UbusSession session, MacAddress device) throws RouterControlException {
        uci.delete(session, QuarantineRules.CONFIG, QuarantineRules.forwardRule(device), QuarantineRules.SETTINGS);
        uci.delete(session, QuarantineRules.CONFIG, QuarantineRules.routerRule(device), QuarantineRules.SETTINGS);
    }

    private Object lockOf(UbusRouter router) {
        return routerLocks.computeIfAbsent(router.url().toString(), key -> new Object());
    }

    /** The router's ubus URL and its own login; an address HomeShield may not use is refused before any request. */
    private UbusRouter router(RouterTarget target) throws RouterControlException {
        String address = target.managementAddress();
        if (address == null || address.isBlank()) {
            throw new RouterControlException("This router's registration has no ubus address (such as "
                    + "https://192.0.2.10/ubus), so HomeShield cannot reach it.", false);
        }
        var refusal = transport.refusal(address);
        if (refusal.isPresent()) {
            throw new RouterControlException("HomeShield does not use this router's ubus address: it "
                    + refusal.get() + ".", false);
        }
        return new UbusRouter(URI.create(address.trim()), logins.of(target));
    }
}
