package io.homeshield.fleet.forensics;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the evidence pages: collecting from a router, a snapshot with its diffs, a campaign's evidence. */
@MessageBundle("forensics")
public interface ForensicsMessages {

    @Message
    String link();

    @Message
    String routerTitle(String serial);

    @Message
    String collectTitle();

    @Message
    String collectIntro();

    @Message
    String collectButton();

    @Message
    String reasonInvalid();

    @Message
    String underWay();

    @Message
    String requested();

    @Message
    String state(String state);

    @Message
    String why();

    @Message
    String snapshots();

    @Message
    String noSnapshot();

    @Message
    String collectedAt();

    @Message
    String requestedBy();

    @Message
    String sha256();

    @Message
    String size();

    @Message
    String sizeText(long stored, long raw);

    @Message
    String contents();

    @Message
    String contentsText(int parameters, int files);

    @Message
    String open();

    @Message
    String snapshotTitle(String serial);

    @Message
    String snapshotLine(String collected, String requestedBy, String channel);

    @Message
    String download();

    @Message
    String downloadNote();

    @Message
    String notCollected();

    @Message
    String everythingCollected();

    @Message
    String files();

    @Message
    String file();

    @Message
    String noFiles();

    @Message
    String baselineTitle();

    @Message
    String noBaseline();

    @Message
    String matchesBaseline();

    @Message
    String parameter();

    @Message
    String found();

    @Message
    String expected();

    @Message
    String missing();

    @Message
    String previousTitle();

    @Message
    String noPrevious();

    @Message
    String samePrevious();

    @Message
    String previousLine(String collected);

    @Message
    String before();

    @Message
    String after();

    @Message
    String change(String kind);

    @Message
    String normTitle(String model, String firmware);

    @Message
    String normTooFew(long routers, int minimum);

    @Message
    String normNothing(long routers);

    @Message
    String normRow(long routers, long of);

    @Message
    String value();

    @Message
    String routers();

    @Message
    String campaignLink();

    @Message
    String campaignTitle(String value);

    @Message
    String campaignIntro(long routers, long withEvidence, long peers);

    @Message
    String campaignCollect();

    @Message
    String campaignNoEvidence();

    @Message
    String campaignNothingShared();

    @Message
    String inCampaign();

    @Message
    String amongPeers();
}
