package io.homeshield.notification;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The e-mails' bodies, each as HTML and as plain text; no images, no tracking. */
@CheckedTemplate(basePath = "NotificationMails")
class NotificationMails {

    /** A line of a mail: what happened and the portal page about it. */
    record Line(String text, String link) {
    }

    record Immediate(String lang, String subject, String intro, String title, String why, String advice,
            String open, String link, String footer) {
    }

    record Digest(String lang, String subject, String intro, String alertsHeading, List<Line> alerts,
            String actionsHeading, List<Line> actions, String footer) {
    }

    record Weekly(String lang, String subject, String intro, List<String> figures, List<Line> newDevices,
            String open, String link, String footer) {
    }

    static native TemplateInstance weeklyHtml(Weekly mail);

    static native TemplateInstance weeklyText(Weekly mail);

    static native TemplateInstance immediateHtml(Immediate mail);

    static native TemplateInstance immediateText(Immediate mail);

    static native TemplateInstance digestHtml(Digest mail);

    static native TemplateInstance digestText(Digest mail);
}
