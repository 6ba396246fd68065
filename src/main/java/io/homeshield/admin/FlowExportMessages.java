package io.homeshield.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the configuration page about what the flow collector dropped. */
@MessageBundle("flowexport")
public interface FlowExportMessages {

    @Message
    String dropsTitle();

    @Message
    String dropsNone(String since);

    @Message
    String dropsRecent(String at, String window);

    @Message
    String dropsEarlier(String at);

    @Message
    String dropsSince(String since);

    @Message
    String datagramsBufferFull(long count);

    @Message
    String datagramsQueueFull(long count);

    @Message
    String flowsLaneFull(long count);

    @Message
    String flowsRefused(long count);

    @Message
    String dropsWhere();
}
