package io.homeshield.routers.openwrt;

import java.net.URI;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.quarkus.logging.Log;

/**
 * rpcd's {@code uci} object: changes are staged in the session, then applied with rollback and
 * confirmed. If HomeShield lost the router after applying (the change cut its own access), the router
 * rolls the change back by itself after {@code homeshield.openwrt.rollback-timeout}.
 */
class Uci {

    private final UbusClient ubus;
    private final OpenWrtConfig config;

    Uci(UbusClient ubus, OpenWrtConfig config) {
        this.ubus = ubus;
        this.config = config;
    }

    /** A named section's options, or empty when the router has no such section. */
    Optional<JsonNode> section(URI router, String configName, String section, String settings)
            throws RouterControlException {
        UbusReply reply = ubus.call(router, "uci", "get", ubus.args().put("config", configName).put("section", section));
        if (reply.status() == UbusStatus.NOT_FOUND) {
            return Optional.empty();
        }
        expectOk(reply, settings);
        return Optional.of(UbusClient.values(reply));
    }

    /** Every section of {@code type}, keyed by section name. */
    JsonNode sectionsOfType(URI router, String configName, String type, String settings) throws RouterControlException {
        UbusReply reply = ubus.call(router, "uci", "get", ubus.args().put("config", configName).put("type", type));
        expectOk(reply, settings);
        return UbusClient.values(reply);
    }

    void add(URI router, String configName, String type, String name, ObjectNode values, String settings)
            throws RouterControlException {
        ObjectNode args = ubus.args().put("config", configName).put("type", type).put("name", name);
        args.set("values", values);
        expectOk(ubus.call(router, "uci", "add", args), settings);
    }

    void set(URI router, String configName, String section, ObjectNode values, String settings)
            throws RouterControlException {
        ObjectNode args = ubus.args().put("config", configName).put("section", section);
        args.set("values", values);
        expectOk(ubus.call(router, "uci", "set", args), settings);
    }

    /** Deletes a named section; one that does not exist is left as it is. */
    void delete(URI router, String configName, String section, String settings) throws RouterControlException {
        UbusReply reply = ubus.call(router, "uci", "delete", ubus.args().put("config", configName).put("section", section));
        if (reply.status() != UbusStatus.NOT_FOUND) {
            expectOk(reply, settings);
        }
    }

    /**
     * Drops the session's staged changes to {@code configName}, so that a change that failed halfway is
     * not applied later along with another one. Best effort: a failure here leaves the first failure to report.
     */
    void revertQuietly(URI router, String configName) {
        try {
            ubus.callInCurrentSession(router, "uci", "revert", ubus.args().put("config", configName));
        } catch (RouterControlException e) {
            Log.debugf("Staged %s changes on %s not reverted: %s", configName, router.getHost(), e.getMessage());
        }
    }

    /** Applies the session's staged changes with rollback armed, then confirms them. */
    void applyAndConfirm(URI router, String settings) throws RouterControlException {
        ObjectNode apply = ubus.args().put("rollback", true).put("timeout", config.rollbackTimeout().toSeconds());
        UbusReply applied = ubus.call(router, "uci", "apply", apply);
        if (applied.status() == UbusStatus.NO_DATA) {
            return;
        }
        if (applied.status() == UbusStatus.PERMISSION_DENIED) {
            // The account could stage the change, so this is rpcd refusing while another change awaits confirmation.
            throw new RouterControlException("Someone else is changing the router's settings right now; "
                    + "HomeShield will try again.", true);
        }
        expectOk(applied, settings);
        UbusReply confirmed = ubus.call(router, "uci", "confirm", ubus.args());
        if (confirmed.status() == UbusStatus.NO_DATA) {
            throw new RouterControlException("The router rolled the change back before HomeShield could confirm it; "
                    + "HomeShield will try again.", true);
        }
        expectOk(confirmed, settings);
    }

    private static void expectOk(UbusReply reply, String settings) throws RouterControlException {
        if (reply.status() != UbusStatus.OK) {
            throw UbusStatus.failure(reply.status(), settings);
        }
    }
}
