package io.homeshield.routers.openwrt;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;

/**
 * rpcd's {@code uci} object: changes are staged in a session, then applied with rollback and confirmed.
 * If HomeShield lost the router after applying (the change cut its own access), the router rolls the
 * change back by itself after {@code homeshield.openwrt.rollback-timeout}.
 */
class Uci {

    private final UbusClient ubus;
    private final OpenWrtConfig config;

    Uci(UbusClient ubus, OpenWrtConfig config) {
        this.ubus = ubus;
        this.config = config;
    }

    /**
     * A named section's options, or empty when the router has no such section (rpcd answers a missing
     * section with status 0 and no values).
     */
    Optional<JsonNode> section(UbusRouter router, String configName, String section, String settings)
            throws RouterControlException {
        UbusReply reply = ubus.call(router, "uci", "get",
                ubus.args().put("config", configName).put("section", section));
        if (reply.status() == UbusStatus.NOT_FOUND) {
            return Optional.empty();
        }
        expectOk(reply, settings);
        JsonNode values = UbusClient.values(reply);
        return values.isObject() && !values.isEmpty() ? Optional.of(values) : Optional.empty();
    }

    /** Every section of {@code type}, keyed by section name. */
    JsonNode sectionsOfType(UbusRouter router, String configName, String type, String settings)
            throws RouterControlException {
        UbusReply reply = ubus.call(router, "uci", "get", ubus.args().put("config", configName).put("type", type));
        expectOk(reply, settings);
        return UbusClient.values(reply);
    }

    void add(UbusSession session, String configName, String type, String name, ObjectNode values, String settings)
            throws RouterControlException {
        ObjectNode args = ubus.args().put("config", configName).put("type", type).put("name", name);
        args.set("values", values);
        expectOk(ubus.callIn(session, "uci", "add", args), settings);
        session.stagedOne();
    }

    /** Sets options; rpcd refuses an empty list (status 2), so a list that becomes empty is deleted instead. */
    void set(UbusSession session, String configName, String section, ObjectNode values, String settings)
            throws RouterControlException {
        ObjectNode args = ubus.args().put("config", configName).put("section", section);
        args.set("values", values);
        expectOk(ubus.callIn(session, "uci", "set", args), settings);
        session.stagedOne();
    }

    /** Deletes a named section; one that does not exist is left as it is. */
    void delete(UbusSession session, String configName, String section, String settings) throws RouterControlException {
        deleting(session, ubus.args().put("config", configName).put("section", section), settings);
    }

    /** Deletes one option of a section; an option the section does not have is left as it is. */
    void deleteOption(UbusSession session, String configName, String section, String option, String settings)
            throws RouterControlException {
        deleting(session, ubus.args().put("config", configName).put("section", section).put("option", option),
                settings);
    }

    private void deleting(UbusSession session, ObjectNode args, String settings) throws RouterControlException {
        UbusReply reply = ubus.callIn(session, "uci", "delete", args);
        if (reply.status() == UbusStatus.NOT_FOUND) {
            return;
        }
        expectOk(reply, settings);
        session.stagedOne();
    }

    /**
     * Drops the session's staged changes to {@code configName}; false when the router refused (rpcd refuses
     * {@code revert} while another apply awaits confirmation, and to an account without write access).
     */
    boolean revert(UbusSession session, String configName) {
        try {
            boolean reverted = ubus.callIn(session, "uci", "revert", ubus.args().put("config", configName)).status()
                    == UbusStatus.OK;
            if (reverted) {
                session.nothingStaged();
            }
            return reverted;
        } catch (RouterControlException e) {
            return false;
        }
    }

    /**
     * Applies the session's staged changes with rollback armed, then confirms them. {@code apply} finding
     * nothing (status 5) after this session staged something means the session lost the change.
     */
    void applyAndConfirm(UbusSession session, String settings) throws RouterControlException {
        ObjectNode apply = ubus.args().put("rollback", true).put("timeout", config.rollbackTimeout().toSeconds());
        UbusReply applied = ubus.callIn(session, "uci", "apply", apply);
        if (applied.status() == UbusStatus.NO_DATA) {
            if (session.hasStaged()) {
                ubus.forget(session);
                throw new SessionLost("uci apply");
            }
            return;
        }
        if (applied.status() == UbusStatus.PERMISSION_DENIED) {
            // The account could stage the change, so this is rpcd refusing while another change awaits confirmation.
            throw new RouterControlException("Someone else is changing the router's settings right now; "
                    + "HomeShield will try again.", true);
        }
        expectOk(applied, settings);
        session.nothingStaged();
        UbusReply confirmed = ubus.callIn(session, "uci", "confirm", ubus.args());
        if (confirmed.status() == UbusStatus.NO_DATA) {
            // rpcd put the rolled-back change back into this session's staged changes.
            session.stagedOne();
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
