package io.homeshield.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the staff console's response policy zone: the zone on the intel page and blocking for everybody. */
@MessageBundle("rpz")
public interface RpzMessages {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String zone();

    @Message
    String serial();

    @Message
    String size();

    @Message
    String sizeText(int names, int bytes);

    @Message
    String leftOut();

    @Message
    String leftOutText(int skipped, int allowed);

    @Message
    String download();

    @Message
    String fetches();

    @Message
    String noFetch();

    @Message
    String resolver();

    @Message
    String from();

    @Message
    String fetchedAt();

    @Message
    String behind();

    @Message
    String blocked();

    @Message
    String blockLink();

    @Message
    String unblockLink();

    @Message
    String blockTitle(String indicator);

    @Message
    String unblockTitle(String indicator);

    @Message
    String lastChange();

    @Message
    String blockExplained();

    @Message
    String unblockExplained();

    @Message
    String blockButton();

    @Message
    String unblockButton();

    @Message
    String cannotBlock();
}
