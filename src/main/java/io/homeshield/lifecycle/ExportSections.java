package io.homeshield.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the export archive holds, in order; and the tables with household references that it leaves
 * out, with the reason (docs/data-lifecycle.md lists both).
 */
final class ExportSections {

    static final String FORMAT = "homeshield-export/1";

    private static final String BY_DEVICE = " t join device d on d.id = t.device_id where d.household_id = ?";
    private static final String BY_ROUTER = " t join router r on r.id = t.router_id where r.household_id = ?";

    static final List<ExportSection> SECTIONS = List.of(
            new ExportSection("household", "household", "select * from household where id = ?", Set.of(), true),
            ExportSection.list("members", "household_member",
                    "select * from household_member where household_id = ? order by created_at, id"),
            ExportSection.list("invitations", "household_invitation",
                    "select * from household_invitation where household_id = ? order by created_at, id",
                    "link_token_hash"),
            ExportSection.list("routers", "router",
                    "select * from router where household_id = ? order by created_at, id", "credential_hash"),
            ExportSection.list("devices", "device",
                    "select * from device where household_id = ? order by first_seen, id"),
            ExportSection.list("quarantines", "device_quarantine",
                    "select * from device_quarantine where household_id = ? order by requested_at, device_id"),
            ExportSection.list("traffic_hourly", "device_activity",
                    "select t.* from device_activity" + BY_DEVICE + " order by t.device_id, t.bucket_start"),
            ExportSection.list("traffic_daily", "device_destination",
                    "select t.* from device_destination" + BY_DEVICE
                            + " order by t.device_id, t.activity_day, t.destination"),
            ExportSection.list("blocked_lookups_daily", "blocked_lookup_day",
                    "select * from blocked_lookup_day where household_id = ? order by lookup_day"),
            ExportSection.list("alerts", "alert",
                    "select * from alert where household_id = ? order by created_at, id"),
            ExportSection.list("alert_feedback", "alert_feedback",
                    "select * from alert_feedback where household_id = ? order by given_at, id"),
            ExportSection.list("actions", "enforcement_action",
                    "select * from enforcement_action where household_id = ? order by requested_at, id"),
            ExportSection.list("blocked_domains", "domain_block",
                    "select * from domain_block where household_id = ? order by created_at, id"),
            ExportSection.list("blocked_domain_exemptions", "domain_block_exemption",
                    "select t.* from domain_block_exemption t join domain_block b on b.id = t.block_id"
                            + " where b.household_id = ? order by t.block_id, t.device_id"),
            ExportSection.list("activity", "audit_entry",
                    "select * from audit_entry where household_id = ? order by id"),
            ExportSection.list("webhooks", "webhook",
                    "select * from webhook where household_id = ? order by created_at, id", "secret"),
            ExportSection.list("webhook_deliveries", "webhook_delivery",
                    "select * from webhook_delivery where household_id = ? order by created_at, id"),
            ExportSection.list("webhook_attempts", "webhook_attempt",
                    "select t.* from webhook_attempt t join webhook_delivery w on w.id = t.delivery_id"
                            + " where w.household_id = ? order by t.id"),
            ExportSection.list("telemetry_receipts", "telemetry_receipt",
                    "select t.* from telemetry_receipt" + BY_ROUTER + " order by t.router_id, t.sequence"),
            ExportSection.list("router_configuration", "router_config_current",
                    "select t.* from router_config_current" + BY_ROUTER + " order by t.router_id, t.path"),
            ExportSection.list("router_configuration_wanted", "router_desired_parameter",
                    "select t.* from router_desired_parameter" + BY_ROUTER + " order by t.router_id, t.path"),
            ExportSection.list("router_configuration_changes", "router_config_change",
                    "select t.* from router_config_change" + BY_ROUTER + " order by t.changed_at, t.id"));

    /** Tables that refer to a household, its routers or devices and are not in the archive, with the reason. */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("api_idempotency", "stored answers to retried API requests: copies of records the archive "
                    + "already holds,"
                    + " kept 30 days"),
            Map.entry("household_erasure", "the household's own request to be erased and when: shown on the settings "
                    + "page;"
                    + " once carried out it holds only the pseudonym of the household's audit entries"),
            Map.entry("evidence_snapshot", "the provider's investigation of a suspected router: its settings and logs "
                    + "as an"
                    + " analyst collected them, kept a year; the router's configuration and changes are in the "
                            + "archive"),
            Map.entry("export_job", "an archive prepared for download: a copy of what the archive holds, kept until "
                    + "its link"
                    + " expires"),
            Map.entry("flow_exporter", "which network address a router exports flow records from: routing of the "
                    + "provider's"
                    + " collector, no person's data"),
            Map.entry("fleet_revert", "the provider's fleet security: a router parameter put back to the provider's "
                    + "baseline;"
                    + " the router's configuration and its changes are in the archive"),
            Map.entry("fleet_campaign_router",
                    "the provider's fleet security: a router counted in a suspected campaign across"
                    + " many households"),
            Map.entry("remediation_target",
                    "the provider's fleet security: a router's place in a fleet-wide remediation job;"
                    + " its actions are in the archive"),
            Map.entry("telemetry_dead_letter",
                    "batches a router sent that could not be applied, kept whole for the provider's"
                    + " analysts to replay for 30 days; once applied, what they held is in the archive's traffic"),
            Map.entry("usp_access_control_previous",
                    "the access policy a USP router's own entry for a device had before a"
                    + " quarantine, kept only until the quarantine ends to put it back"),
            Map.entry("evidence_upload", "a one-time address a router uploads an evidence file to: the file goes into "
                    + "the"
                    + " provider's evidence snapshot; the address expires within minutes"));

    private ExportSections() {
    }
}
