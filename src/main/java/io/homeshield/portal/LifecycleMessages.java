package io.homeshield.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the household's data: its archive prepared in the background and its erasure (portal and staff console).
 */
@MessageBundle("lifecycle")
public interface LifecycleMessages {

    @Message
    String erasureTitle();

    @Message
    String erasureIntro();

    @Message
    String erasureWhatHappens();

    @Message
    String erasureConfirmLabel();

    @Message
    String erasureConfirmHint(String accountNumber);

    @Message
    String erasureConfirmWrong();

    @Message
    String erasureSubmit();

    @Message
    String erasurePending(String due);

    @Message
    String erasureCancel();

    @Message
    String erasureBegun();

    @Message
    String erasureOpen();

    @Message
    String erasureRequested();

    @Message
    String erasureCancelled();

    @Message
    String exportPrepare();

    @Message
    String exportPrepareHint();

    @Message
    String exportTitle();

    @Message
    String exportProgress(int percent, int done, int total);

    @Message
    String exportReady(String expires);

    @Message
    String exportDownload();

    @Message
    String exportFailed();

    @Message
    String exportStaffReason();

    @Message
    String exportStaffSubmit();

    /** On the staff console's household page. */
    @Message
    String erasureStaffPending(String due, String who);
}
