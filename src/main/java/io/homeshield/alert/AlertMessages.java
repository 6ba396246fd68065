package io.homeshield.alert;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What each kind of alert is called, why it matters and what to do, one key per alert type
 * ({@code alertTitle_$SCANNING}), in {@code messages/alertMsg.properties} (English) and
 * {@code messages/alertMsg_de.properties} (German). A bundle of its own: every alert type adds three
 * messages, and one bundle holding all the portal's texts grows beyond what Qute 3.29 generates
 * correct code for.
 */
@MessageBundle("alertMsg")
public interface AlertMessages {

    @Message
    String alertTitle(AlertType type);

    @Message
    String alertWhy(AlertType type);

    @Message
    String alertAdvice(AlertType type);
}
