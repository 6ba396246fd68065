package io.homeshield.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the weekly summary page ({@code week:} in templates), in {@code messages/week.properties}
 * (English) and {@code week_de.properties} (German).
 */
@MessageBundle("week")
public interface WeekMessages {

    @Message
    String title();

    @Message
    String intro(String firstDay, String lastDay);

    @Message
    String devices();

    @Message
    String newDevices();

    @Message
    String alerts();

    @Message
    String stillOpen(long count);

    @Message
    String lookups();

    @Message
    String blockedLookups();

    @Message
    String blockedLookupsWhy();

    @Message
    String blockedLookupsLink();

    @Message
    String joined();

    @Message
    String noneJoined();

    @Message
    String alertsPerDay();

    @Message
    String lookupsPerDay();

    @Message
    String day();

    @Message
    String link();
}
