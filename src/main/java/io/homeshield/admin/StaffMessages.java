package io.homeshield.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The staff console's words ({@code staff:} in templates): {@code messages/staff.properties}
 * (English, the default) and {@code messages/staff_de.properties} (German).
 */
@MessageBundle("staff")
public interface StaffMessages {

    @Message
    String nav_label();

    @Message
    String nav_start();

    @Message
    String nav_households();

    @Message
    String nav_fleet();

    @Message
    String nav_alerts();

    @Message
    String nav_reviews();

    @Message
    String nav_intel();

    @Message
    String nav_campaigns();

    @Message
    String nav_baselines();

    @Message
    String nav_remediation();

    @Message
    String nav_audit();

    @Message
    String nav_configuration();

    @Message
    String breadcrumb();

    @Message
    String notDone();

    @Message
    String cancel();

    @Message
    String reason();

    @Message
    String required();

    @Message
    String alert();

    @Message
    String household();

    @Message
    String device();

    @Message
    String opened();

    @Message
    String intel_title();

    @Message
    String intel_intro();

    @Message
    String intel_done(String done);

    @Message
    String intel_feeds();

    @Message
    String intel_inForceTotal(int count);

    @Message
    String intel_feed();

    @Message
    String intel_version();

    @Message
    String intel_loadedAt();

    @Message
    String intel_indicators();

    @Message
    String intel_status();

    @Message
    String intel_nextRefresh();

    @Message
    String intel_noVersion();

    @Message
    String intel_disabled();

    @Message
    String intel_inForce();

    @Message
    String intel_notInForce();

    @Message
    String intel_lastError();

    @Message
    String intel_ownFeedSource();

    @Message
    String intel_ownFeedLoaded();

    @Message
    String intel_lookupTitle();

    @Message
    String intel_lookupLabel();

    @Message
    String intel_lookupButton();

    @Message
    String intel_lookupNeither();

    @Message
    String intel_listed();

    @Message
    String intel_listedBy(String destination, String feed);

    @Message
    String intel_listedThrough(String value);

    @Message
    String intel_notListed();

    @Message
    String intel_notListedText(String destination);

    @Message
    String intel_alertsNaming(long count);

    @Message
    String intel_ownIntro();

    @Message
    String intel_ownSearchLabel();

    @Message
    String intel_ownSearchButton();

    @Message
    String intel_includeExpired();

    @Message
    String intel_ownEmpty();

    @Message
    String intel_ownMore();

    @Message
    String intel_indicator();

    @Message
    String intel_added();

    @Message
    String intel_validUntil();

    @Message
    String intel_untilExpired();

    @Message
    String intel_fromAlert();

    @Message
    String intel_kind(String kind);

    @Message
    String intel_expired();

    @Message
    String intel_lapsed();

    @Message
    String intel_expireLink();

    @Message
    String intel_addTitle();

    @Message
    String intel_indicatorHint();

    @Message
    String intel_validFor();

    @Message
    String intel_validity(String value);

    @Message
    String intel_reasonHint();

    @Message
    String intel_addButton();

    @Message
    String intel_problem(String field);

    @Message
    String intel_expireTitle(String indicator);

    @Message
    String intel_expireExplained();

    @Message
    String intel_expireButton();

    @Message
    String intel_promoteTitle();

    @Message
    String intel_promoteExplained();

    @Message
    String intel_promoteButton();

    @Message
    String intel_promoteLink();

    @Message
    String intel_ownFeedAction();

    @Message
    String intel_destination();

    @Message
    String intel_ownTitle();

    @Message
    String config_title();

    @Message
    String config_homeText();

    @Message
    String config_intro();

    @Message
    String config_staff();

    @Message
    String config_staffText();

    @Message
    String config_identityProvider();

    @Message
    String config_roleSupport();

    @Message
    String config_roleAnalyst();

    @Message
    String config_roleAdmin();

    @Message
    String config_feeds();

    @Message
    String config_format();

    @Message
    String config_source();

    @Message
    String config_refresh();

    @Message
    String config_expireAfter();

    @Message
    String config_on();

    @Message
    String config_off();

    @Message
    String config_ownFeed();

    @Message
    String config_checkInterval();

    @Message
    String config_maxUnreadable();

    @Message
    String config_channels();

    @Message
    String config_channel();

    @Message
    String config_reachedAt();

    @Message
    String config_perRouter();

    @Message
    String config_uspEndpoint();

    @Message
    String config_credentials(boolean set);

    @Message
    String config_models(int models);

    @Message
    String config_openWrtUser();

    @Message
    String config_password(boolean set);

    @Message
    String config_credentialKey(boolean set);

    @Message
    String config_giveUpAfter();

    @Message
    String config_maxAttempts();

    @Message
    String config_backoff();

    @Message
    String config_parallelism();

    @Message
    String config_reconcile();

    @Message
    String config_ingest();

    @Message
    String config_maxEvents();

    @Message
    String config_maxBytes();

    @Message
    String config_maxConcurrent();

    @Message
    String config_retryAfter();

    @Message
    String config_mqtt();

    @Message
    String config_flowExport();

    @Message
    String config_auto();

    @Message
    String config_autoText();

    @Message
    String config_autoTriggers();

    @Message
    String config_autoHouseholds();

    @Message
    String config_autoCount(long optedIn, long households);

    @Message
    String by();

    @Message
    String never();

    @Message
    String accountNumber();

    @Message
    String home_intro();

    @Message
    String home_fleet();

    @Message
    String home_audit();

    @Message
    String search_title();

    @Message
    String search_intro();

    @Message
    String search_search();

    @Message
    String search_hint();

    @Message
    String search_find();

    @Message
    String search_nothing();

    @Message
    String search_found(int count, boolean more);

    @Message
    String search_searchedFor(String query, String understood);

    @Message
    String search_noMatch();

    @Message
    String search_matchedBy();

    @Message
    String search_matched(String kind);

    @Message
    String search_more();

    @Message
    String household_intro();

    @Message
    String household_account();

    @Message
    String household_kind();

    @Message
    String household_since();

    @Message
    String household_openAlerts();

    @Message
    String household_block();

    @Message
    String household_resend();

    @Message
    String household_routers();

    @Message
    String household_noRouter();

    @Message
    String household_serial();

    @Message
    String household_model();

    @Message
    String household_firmware();

    @Message
    String household_channel();

    @Message
    String household_lastContact();

    @Message
    String household_canDo();

    @Message
    String household_devices(int count);

    @Message
    String household_noDevices();

    @Message
    String household_mac();

    @Message
    String household_ip();

    @Message
    String household_state();

    @Message
    String household_act();

    @Message
    String household_release();

    @Message
    String household_quarantine();

    @Message
    String household_alerts();

    @Message
    String household_noAlerts();

    @Message
    String household_actions();

    @Message
    String household_noActions();

    @Message
    String household_blocks();

    @Message
    String household_noBlocks();

    @Message
    String household_everyDevice();

    @Message
    String household_activity();

    @Message
    String act_heading(String kind, String subject);

    @Message
    String act_for(String name, String account);

    @Message
    String act_forDevice(String mac);

    @Message
    String act_explanation(String kind);

    @Message
    String act_confirm(String kind);

    @Message
    String act_howLong();

    @Message
    String act_duration(String value);

    @Message
    String act_domain();

    @Message
    String act_domainHint();

    @Message
    String act_reasonHint();

    @Message
    String act_problem(String field);

    @Message
    String act_done(String done);

    @Message
    String fleet_intro();

    @Message
    String fleet_perDay(int days);

    @Message
    String fleet_noAlerts(int days);

    @Message
    String fleet_asTable();

    @Message
    String fleet_type();

    @Message
    String fleet_infected();

    @Message
    String fleet_noInfected();

    @Message
    String fleet_vendor();

    @Message
    String fleet_devices();

    @Message
    String fleet_topIndicators();

    @Message
    String fleet_timesSeen();

    @Message
    String fleet_actions();

    @Message
    String fleet_noActions();

    @Message
    String fleet_waiting();

    @Message
    String fleet_sent();

    @Message
    String fleet_chartTitle(int days);

    @Message
    String fleet_unknownVendor();

    @Message
    String fleet_failed();

    @Message
    String alerts_intro();

    @Message
    String alerts_filter();

    @Message
    String alerts_anyType();

    @Message
    String alerts_anyStatus();

    @Message
    String alerts_indicator();

    @Message
    String alerts_days();

    @Message
    String alerts_period(int days);

    @Message
    String alerts_found(int count, boolean more);

    @Message
    String alerts_none();

    @Message
    String alerts_more(int count);

    @Message
    String reviews_title();

    @Message
    String reviews_intro();

    @Message
    String reviews_done(String done);

    @Message
    String reviews_waiting(int count);

    @Message
    String reviews_none();

    @Message
    String reviews_reports(long reports, long households);

    @Message
    String reviews_latest();

    @Message
    String reviews_confirm();

    @Message
    String reviews_reject();

    @Message
    String reviews_suppressed();

    @Message
    String reviews_noneSuppressed();

    @Message
    String reviews_pattern();

    @Message
    String audit_intro();

    @Message
    String audit_check();

    @Message
    String audit_checkText();

    @Message
    String audit_checkNow();

    @Message
    String audit_export();

    @Message
    String audit_from();

    @Message
    String audit_to();

    @Message
    String audit_download();

    @Message
    String audit_exportHint();

    @Message
    String audit_latest();

    @Message
    String audit_empty();

    @Message
    String audit_entry();

    @Message
    String audit_when();

    @Message
    String audit_who();

    @Message
    String audit_what();

    @Message
    String audit_outcome();

    @Message
    String audit_action(String action);

    @Message
    String verify_intact();

    @Message
    String verify_tampered();

    @Message
    String verify_intactHeading();

    @Message
    String verify_intactText(long entries, Long last);

    @Message
    String verify_checkedAt();

    @Message
    String verify_againstHead(long position, String at);

    @Message
    String verify_noHead();

    @Message
    String verify_tamperedHeading();

    @Message
    String verify_problems(int count, boolean more, long entries);

    @Message
    String verify_where();

    @Message
    String verify_problem();

    @Message
    String verify_afterLast();

    @Message
    String verify_more();

    @Message
    String nav_deadLetters();
}
