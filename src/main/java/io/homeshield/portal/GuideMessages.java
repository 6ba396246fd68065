package io.homeshield.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts that guide a household from an alert to safety ({@code guide:} in templates): the
 * overview's next step, what to do while a device is isolated, releasing it once fixed, and the
 * plain words for makers, feeds and refused form fields. English in {@code messages/guide.properties},
 * German in {@code messages/guide_de.properties}.
 */
@MessageBundle("guide")
public interface GuideMessages {

    @Message
    String next_summary(String device, String alert);

    @Message
    String next_whatWasSeen();

    @Message
    String next_quarantine(String device);

    @Message
    String isolated_title();

    @Message
    String isolated_summary(String device, String alert);

    @Message
    String isolated_open();

    @Message
    String isolated_intro(String device);

    @Message
    String isolated_reset();

    @Message
    String isolated_update();

    @Message
    String isolated_passwords();

    @Message
    String isolated_release();

    @Message
    String release_fixedQuestion();

    @Message
    String release_fixedYes();

    @Message
    String release_fixedNo();

    @Message
    String settled(String key, String device);

    @Message
    String chip_onlineIsolated();

    @Message
    String device_networkDetails();

    @Message
    String device_legalMaker();

    @Message
    String feed_plain();

    @Message
    String feed_source(String feed);

    @Message
    String refused(String reason);

    @Message
    String trust_silences();

    @Message
    String menu();

    @Message
    String chart_total();

    @Message
    String staffVisit(int pages);
}
