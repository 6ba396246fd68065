package io.homeshield.lifecycle;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Deletes every personal record of a household, dependants first, in the caller's transaction. The
 * erasure test scans every table of the database catalogue afterwards, so a table added later that
 * refers to a household fails it until it is deleted here (or shown to hold nothing personal).
 */
@ApplicationScoped
class HouseholdDeletion {

    private static final String ROUTERS = "(select id from router where household_id = ?1)";
    private static final String DEVICES = "(select id from device where household_id = ?1)";
    private static final String USP_ENDPOINTS = "(select management_address from router where household_id = ?1"
            + " and channel = 'USP')";

    /**
     * Evidence snapshots of the household's routers go first (their content and facts by cascade), with
     * any file a router is uploading for a collection right now.
     */
    static final List<String> FORENSIC_EVIDENCE = List.of(
            "delete from evidence_snapshot where household_id = ?1 or router_id in " + ROUTERS,
            "delete from evidence_upload where router_id in " + ROUTERS);

    static final List<String> STATEMENTS = List.of(
            "update provider_indicator set source_alert_id = null"
                    + " where source_alert_id in (select id from alert where household_id = ?1)",
            "delete from alert_feedback where household_id = ?1",
            "delete from domain_block_exemption where block_id in (select id from domain_block where household_id = ?1)"
                    + " or device_id in " + DEVICES,
            "delete from domain_block where household_id = ?1",
            "delete from device_quarantine where household_id = ?1",
            "delete from usp_access_control_previous where endpoint_id in " + USP_ENDPOINTS,
            "delete from usp_agent where endpoint_id in " + USP_ENDPOINTS,
            "delete from enforcement_action where household_id = ?1",
            "delete from alert where household_id = ?1",
            "delete from device_activity where device_id in " + DEVICES,
            "delete from device_destination where device_id in " + DEVICES,
            "delete from blocked_lookup_day where household_id = ?1",
            "delete from webhook_attempt where delivery_id in (select id from webhook_delivery where household_id = "
                    + "?1)",
            "delete from webhook_delivery where household_id = ?1",
            "delete from webhook where household_id = ?1",
            "delete from api_idempotency where household_id = ?1",
            "delete from telemetry_receipt where router_id in " + ROUTERS,
            "delete from telemetry_dead_letter where household_id = ?1 or router_id in " + ROUTERS,
            "delete from router_config_change where router_id in " + ROUTERS,
            "delete from router_desired_parameter where router_id in " + ROUTERS,
            "delete from router_config_current where router_id in " + ROUTERS,
            "delete from fleet_revert where router_id in " + ROUTERS,
            "delete from fleet_campaign_router where router_id in " + ROUTERS,
            "delete from remediation_target where router_id in " + ROUTERS,
            "delete from flow_exporter where router_id in " + ROUTERS,
            "delete from device where household_id = ?1",
            "delete from notification_mail where member_id in (select id from household_member where household_id = "
                    + "?1)",
            "delete from household_invitation where household_id = ?1",
            "delete from export_job where household_id = ?1",
            "delete from household_member where household_id = ?1",
            "delete from router where household_id = ?1",
            "delete from household where id = ?1");

    private final EntityManager em;

    HouseholdDeletion(EntityManager em) {
        this.em = em;
    }

    /** Returns how many rows were deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    long delete(UUID household) {
        em.flush();
        long rows = 0;
        for (String statement : FORENSIC_EVIDENCE) {
            rows += em.createNativeQuery(statement).setParameter(1, household).executeUpdate();
        }
        for (String statement : STATEMENTS) {
            rows += em.createNativeQuery(statement).setParameter(1, household).executeUpdate();
        }
        em.clear();
        return rows;
    }
}
