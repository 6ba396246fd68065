package io.homeshield.fleet;

import java.util.UUID;

import io.homeshield.inventory.ManagementChannel;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The fleet pages' words ({@code fleet:} in templates): {@code messages/fleet.properties} (English,
 * the default) and {@code messages/fleet_de.properties} (German).
 */
@MessageBundle("fleet")
public interface FleetMessages {

    @Message
    String source(String source);

    @Message
    String router();

    @Message
    String parameter();

    @Message
    String value();

    @Message
    String model();

    @Message
    String firmware();

    @Message
    String routers();

    @Message
    String state();

    @Message
    String changedBy();

    @Message
    String when();

    @Message
    String asTable();

    @Message
    String baselines_title();

    @Message
    String baselines_heading();

    @Message
    String baselines_label(String model, String firmware);

    @Message
    String baselines_intro();

    @Message
    String baselines_allowedFirmware(String firmware, String by, String ago);

    @Message
    String baselines_expected();

    @Message
    String baselines_subscriberMayChange();

    @Message
    String baselines_revertRule();

    @Message
    String baselines_dryRun();

    @Message
    String baselines_mayChange(boolean may);

    @Message
    String baselines_whatItWouldDo();

    @Message
    String baselines_mode(String mode);

    @Message
    String baselines_addParameter();

    @Message
    String baselines_pathLabel();

    @Message
    String baselines_expectedLabel();

    @Message
    String baselines_mayLabel();

    @Message
    String baselines_saveParameter();

    @Message
    String baselines_newBaseline();

    @Message
    String baselines_modelLabel();

    @Message
    String baselines_firmwareLabel();

    @Message
    String baselines_allowedFirmwareLabel();

    @Message
    String baselines_saveBaseline();

    @Message
    String baselines_problem(String problem);

    @Message
    String dryRun_title();

    @Message
    String dryRun_on();

    @Message
    String dryRun_intro(String value);

    @Message
    String dryRun_count(int count, int limit);

    @Message
    String dryRun_allFine();

    @Message
    String dryRun_now();

    @Message
    String dryRun_setBy();

    @Message
    String dryRun_wouldSet();

    @Message
    String campaigns_title();

    @Message
    String campaigns_intro();

    @Message
    String campaigns_found();

    @Message
    String campaigns_none();

    @Message
    String campaigns_change();

    @Message
    String campaigns_firstSeen();

    @Message
    String campaigns_reported();

    @Message
    String campaigns_status(String status);

    @Message
    String campaign_title(String value);

    @Message
    String campaign_heading();

    @Message
    String campaign_story(String firstSeen, String detectedAt, int routers, double expected, int before, int affected,
            String lastSeen);

    @Message
    String campaign_remediate();

    @Message
    String campaign_perBucket(String bucket);

    @Message
    String campaign_reportLine();

    @Message
    String campaign_detected();

    @Message
    String campaign_from();

    @Message
    String campaign_groups();

    @Message
    String campaign_network();

    @Message
    String campaign_affected();

    @Message
    String campaign_changed();

    @Message
    String router_title(String serial);

    @Message
    String router_summary(String model, String firmware, ManagementChannel channel);

    @Message
    String router_current();

    @Message
    String router_noneYet();

    @Message
    String router_history();

    @Message
    String router_noChange();

    @Message
    String router_from();

    @Message
    String router_to();

    @Message
    String remediation_title();

    @Message
    String remediation_intro();

    @Message
    String remediation_newJob();

    @Message
    String remediation_jobs();

    @Message
    String remediation_noJob();

    @Message
    String remediation_job();

    @Message
    String remediation_startedBy();

    @Message
    String remediation_kind(String kind);

    @Message
    String remediation_jobTitle(String kind, String version, int routers);

    @Message
    String remediation_target(UUID campaign, String firmware, String model);

    @Message
    String remediation_state(String state);

    @Message
    String remediation_newTitle();

    @Message
    String remediation_newIntro();

    @Message
    String remediation_commandAndRouters();

    @Message
    String remediation_command();

    @Message
    String remediation_campaign();

    @Message
    String remediation_noCampaign();

    @Message
    String remediation_campaignOption(String parameter, String value, int routers);

    @Message
    String remediation_orModel();

    @Message
    String remediation_firmwareOptional();

    @Message
    String remediation_imageUrl();

    @Message
    String remediation_imageSha256();

    @Message
    String remediation_imageVersion();

    @Message
    String remediation_guardRails();

    @Message
    String remediation_canary();

    @Message
    String remediation_waveSize();

    @Message
    String remediation_waveSeconds();

    @Message
    String remediation_maxFailure();

    @Message
    String remediation_dryRunButton();

    @Message
    String remediation_previewTitle(int routers, int waves);

    @Message
    String remediation_previewText(int routers, String canary, String waveSize, String seconds, String percent);

    @Message
    String remediation_channel();

    @Message
    String remediation_more(Integer count);

    @Message
    String remediation_start();

    @Message
    String remediation_problem(String problem);

    @Message
    String remediation_startedLine(String target, String by, String ago, String reason);

    @Message
    String remediation_progress();

    @Message
    String remediation_wavesSent(int waves);

    @Message
    String remediation_summary(int done, int failed, int notBack, int running, int pending, int total);

    @Message
    String remediation_done();

    @Message
    String remediation_failed();

    @Message
    String remediation_notBack();

    @Message
    String remediation_running();

    @Message
    String remediation_waiting();

    @Message
    String remediation_settings(int canary, int waveSize, long seconds, int percent);

    @Message
    String remediation_halt(String kind, String actor, String reason, int failures, int finished, int percent);

    @Message
    String remediation_haltTitle();

    @Message
    String remediation_resumeTitle();

    @Message
    String remediation_haltButton();

    @Message
    String remediation_resumeButton();

    @Message
    String remediation_cancelButton();

    @Message
    String remediation_problems();

    @Message
    String remediation_none();

    @Message
    String remediation_wave();

    @Message
    String remediation_why();
}
