package io.homeshield.portal;

import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.Severity;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.household.HouseholdKind;
import io.homeshield.household.MemberRole;
import io.homeshield.household.NotifyLevel;
import io.homeshield.inventory.DeviceType;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal's pages ({@code msg:} in templates). The words live in
 * {@code messages/msg.properties} (English, the default) and {@code messages/msg_de.properties}
 * (German); a method taking an enum reads one key per constant ({@code deviceType_CAMERA}).
 */
@MessageBundle
public interface PortalMessages {

    @Message
    String layout_defaultTitle();

    @Message
    String layout_skip();

    @Message
    String layout_mainNav();

    @Message
    String layout_breadcrumb();

    @Message
    String layout_footer();

    @Message
    String layout_languageNav();

    @Message
    String nav_overview();

    @Message
    String nav_devices();

    @Message
    String nav_alerts();

    @Message
    String nav_blocked();

    @Message
    String nav_activity();

    @Message
    String nav_settings();

    @Message
    String nav_staff();

    @Message
    String nav_signOut();

    @Message
    String nav_signIn();

    @Message
    String time_never();

    @Message
    String time_justNow();

    @Message
    String time_minutesAgo(long minutes);

    @Message
    String time_hoursAgo(long hours);

    @Message
    String time_yesterday();

    @Message
    String time_daysAgo(long days);

    @Message
    String chip_online();

    @Message
    String chip_offline();

    @Message
    String chip_quarantined();

    @Message
    String chip_flagged();

    @Message
    String chip_new();

    @Message
    String riskChip(String level);

    @Message
    String dashboard_account(String number);

    @Message
    String dashboard_allGood();

    @Message
    String dashboard_allGoodText();

    @Message
    String dashboard_autoOn();

    @Message
    String dashboard_attention(long count);

    @Message
    String dashboard_attentionText();

    @Message
    String dashboard_online();

    @Message
    String dashboard_ofTotal(long total);

    @Message
    String dashboard_allDevices();

    @Message
    String dashboard_openAlerts();

    @Message
    String dashboard_allAlerts();

    @Message
    String dashboard_quarantined();

    @Message
    String dashboard_cutOff(long count);

    @Message
    String dashboard_blocked();

    @Message
    String dashboard_manageBlocked();

    @Message
    String dashboard_noOpenAlerts();

    @Message
    String dashboard_recentActions();

    @Message
    String dashboard_noActions();

    @Message
    String dashboard_recentActivity();

    @Message
    String dashboard_allActivity();

    @Message
    String noHousehold_title();

    @Message
    String noHousehold_heading();

    @Message
    String noHousehold_staff();

    @Message
    String noHousehold_openStaff();

    @Message
    String noHousehold_text();

    @Message
    String noHousehold_contact();

    @Message
    String noHousehold_signOut();

    @Message
    String invitation_heading();

    @Message
    String invitation_offer(String household, String role);

    @Message
    String invitation_since();

    @Message
    String invitation_accept(String household);

    @Message
    String invitation_link(String invitee);

    @Message
    String invitation_linkLabel();

    @Message
    String devices_intro();

    @Message
    String devices_filter();

    @Message
    String devices_search();

    @Message
    String devices_searchHint();

    @Message
    String devices_show();

    @Message
    String devices_apply();

    @Message
    String devices_list();

    @Message
    String devices_count(int shown, int total);

    /** The count as the device filter script fills it in: it replaces # with the number shown. */
    @Message
    String devices_countTemplate(int total);

    @Message
    String devices_empty();

    @Message
    String deviceFilter(String option);

    @Message
    String device_details();

    @Message
    String device_type();

    @Message
    String device_maker();

    @Message
    String device_unknown();

    @Message
    String device_ip();

    @Message
    String device_none();

    @Message
    String device_mac();

    @Message
    String device_firstSeen();

    @Message
    String device_lastSeen();

    @Message
    String device_router();

    @Message
    String device_edit();

    @Message
    String device_label();

    @Message
    String device_labelHint();

    @Message
    String device_save();

    @Message
    String device_actions();

    @Message
    String device_waiting();

    @Message
    String device_noActions();

    @Message
    String device_noAlerts();

    @Message
    String nameSource(String source);

    @Message
    String quarantine_heading();

    @Message
    String quarantine_until();

    @Message
    String quarantine_untilReleased();

    @Message
    String quarantine_release(String device);

    @Message
    String quarantine_explain();

    @Message
    String quarantine_start();

    @Message
    String member_cannotAct();

    @Message
    String member_cannotChange();

    @Message
    String confirm_title(String device);

    @Message
    String confirm_text();

    @Message
    String confirm_howLong();

    @Message
    String confirm_yes(String device);

    @Message
    String confirm_cancel();

    @Message
    String duration(String value);

    @Message
    String action_requested();

    @Message
    String action_progress();

    @Message
    String step(String stage);

    @Message
    String stepStatus(String status);

    @Message
    String traffic_heading();

    @Message
    String traffic_range();

    @Message
    String trafficRange(String range);

    @Message
    String traffic_caption(String sent, String received);

    @Message
    String traffic_table();

    @Message
    String traffic_none();

    @Message
    String traffic_hour();

    @Message
    String traffic_sent();

    @Message
    String traffic_received();

    @Message
    String destinations_heading();

    @Message
    String destinations_none();

    @Message
    String destinations_connections(long count);

    @Message
    String deviceBlocks_heading();

    @Message
    String deviceBlocks_none();

    @Message
    String deviceBlocks_domain();

    @Message
    String deviceBlocks_add();

    @Message
    String trust_comment();

    @Message
    String trust_hint();

    @Message
    String trust_button();

    @Message
    String alert_lastSeen();

    @Message
    String alert_unknownTitle();

    @Message
    String alert_unknownWhy();

    @Message
    String alert_unknownAdvice();

    @Message
    String alerts_intro();

    @Message
    String alerts_active();

    @Message
    String alerts_noneActive();

    @Message
    String alerts_history();

    @Message
    String alerts_noHistory();

    @Message
    String alerts_pages();

    @Message
    String alerts_newer();

    @Message
    String alerts_older();

    @Message
    String evidence_heading();

    @Message
    String evidence_saw();

    @Message
    String evidence_contacted();

    @Message
    String evidence_listedBy(String feed);

    @Message
    String evidence_since();

    @Message
    String evidence_times();

    @Message
    String evidence_why();

    @Message
    String evidence_todo();

    @Message
    String evidence_goTo(String device);

    @Message
    String evidence_goToDevice();

    @Message
    String evidence_quarantine(String device);

    @Message
    String evidence_askOwner();

    @Message
    String review_heading();

    @Message
    String review_acknowledge();

    @Message
    String review_resolve();

    @Message
    String review_notThreat();

    @Message
    String review_notThreatHint();

    @Message
    String blocked_intro();

    @Message
    String blocked_add();

    @Message
    String blocked_domain();

    @Message
    String blocked_domainHint();

    @Message
    String blocked_refused(String reason);

    @Message
    String blocked_for();

    @Message
    String blocked_everyDevice();

    @Message
    String blocked_addButton();

    @Message
    String blocked_householdWide();

    @Message
    String blocked_noneHouseholdWide();

    @Message
    String blocked_noExemptions();

    @Message
    String blocked_except();

    @Message
    String blocked_removeExemption();

    @Message
    String blocked_exemptLabel(String domain);

    @Message
    String blocked_exempt();

    @Message
    String blocked_perDevice();

    @Message
    String blocked_nonePerDevice();

    @Message
    String blocked_onlyFor();

    @Message
    String blocked_remove();

    @Message
    String activity_intro();

    @Message
    String activity_empty();

    @Message
    String actor_staff(String name);

    @Message
    String actor_rule();

    @Message
    String actor_system();

    @Message
    String auditAction(String action);

    @Message
    String outcome(String value);

    @Message
    String settings_intro();

    @Message
    String settings_protection();

    @Message
    String settings_auto();

    @Message
    String settings_autoHint();

    @Message
    String settings_save();

    @Message
    String settings_export();

    @Message
    String settings_exportHint();

    @Message
    String settings_exportDownload();

    @Message
    String settings_notifications();

    @Message
    String settings_notifyLegend();

    @Message
    String settings_notifyEmail();

    @Message
    String settings_members();

    @Message
    String settings_you();

    @Message
    String settings_remove();

    @Message
    String settings_pending();

    @Message
    String settings_cancelInvite();

    @Message
    String settings_invite();

    @Message
    String settings_invitee();

    @Message
    String settings_inviteeHint();

    @Message
    String settings_role();

    @Message
    String settings_sendInvite();

    @Message
    String settings_rolesExplained();

    @Message
    String notice(String key);

    @Message
    String live_alert(String title, String device);

    @Message
    String live_action(String kind, String state, String device);

    @Message
    String landing_title();

    @Message
    String landing_heading();

    @Message
    String landing_lead();

    @Message
    String landing_goHome();

    @Message
    String landing_continue();

    @Message
    String landing_seeTitle();

    @Message
    String landing_seeText();

    @Message
    String landing_knowTitle();

    @Message
    String landing_knowText();

    @Message
    String landing_actTitle();

    @Message
    String landing_actText();

    @Message
    String errorTitle(int status);

    @Message
    String errorHeading(int status);

    @Message
    String errorText(int status);

    @Message
    String error_notFoundHint();

    @Message
    String error_backHome();

    @Message
    String error_backStaff();

    @Message
    String error_backStart();

    @Message
    String deviceType(DeviceType type);

    @Message
    String actionKind(ActionKind kind);

    @Message
    String actionState(ActionState state);

    @Message
    String actionExplain(ActionState state);

    @Message
    String severity(Severity severity);

    @Message
    String alertStatus(AlertStatus status);

    @Message
    String householdKind(HouseholdKind kind);

    @Message
    String memberRole(MemberRole role);

    @Message
    String notifyLevel(NotifyLevel level);
}
