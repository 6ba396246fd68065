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
}
