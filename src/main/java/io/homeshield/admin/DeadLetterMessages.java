package io.homeshield.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the staff console's dead-letter pages: telemetry batches that could not be applied, and their replay.
 */
@MessageBundle("deadletters")
public interface DeadLetterMessages {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String none();

    @Message
    String received();

    @Message
    String router();

    @Message
    String sequence();

    @Message
    String events();

    @Message
    String attempts();

    @Message
    String reason();

    @Message
    String state();

    @Message
    String waiting();

    @Message
    String applied();

    @Message
    String failedAgain();

    @Message
    String open();

    @Message
    String letterTitle(long sequence);

    @Message
    String batch();

    @Message
    String lastReplay();

    @Message
    String replayExplained();

    @Message
    String replayButton();

    @Message
    String reasonProblem();

    @Message
    String done();
}
