package io.homeshield.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The e-mails' texts, in {@code messages/mailMsg.properties} (English) and {@code mailMsg_de.properties} (German). */
@MessageBundle("mailMsg")
public interface MailMessages {

    @Message
    String immediate_subject(String title, String device);

    @Message
    String immediate_intro(String device);

    @Message
    String immediate_open();

    @Message
    String digest_subject(String day, int alerts, int actions);

    @Message
    String digest_intro(String day);

    @Message
    String digest_alerts();

    @Message
    String digest_actions();

    @Message
    String action_quarantineVerified(String device);

    @Message
    String action_quarantineFailed(String device);

    @Message
    String action_releaseVerified(String device);

    @Message
    String action_releaseFailed(String device);

    @Message
    String footer(String settingsLink);

    @Message
    String weekly_subject(long devices, long alerts);

    @Message
    String weekly_intro(String firstDay, String lastDay);

    @Message
    String weekly_devices(long devices);

    @Message
    String weekly_newDevices(long devices);

    @Message
    String weekly_alerts(long alerts, long stillOpen);

    @Message
    String weekly_lookups(long lookups);

    @Message
    String weekly_blocked(long blocked);

    @Message
    String weekly_open();
}
