package io.homeshield.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.NotifyLevel;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.SmtpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = true)
class EmailNotificationTest {

    private static final String PORTAL = "https://portal.homeshield.test";

    @Inject
    NotificationJobs jobs;

    @Test
    void aSeriousAlertIsMailedAtOnceInEnglishWithItsLink() throws Exception {
        Member member = member("en", NotifyLevel.SERIOUS);
        Device camera = Fixtures.device(member.household(), "Hall camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "bad-" + UUID.randomUUID() + ".example");

        jobs.sendImmediate();

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat(received, hasSize(1));
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject(), equalTo("Serious alert: Contact with a known malicious host (Hall camera)"));
        String link = PORTAL + "/portal/alerts/" + alert.id;
        assertThat(MailParts.part(mail, "text/plain"),
                allOf(containsString("on the device \"Hall camera\""), containsString(link),
                containsString("Quarantine the device")));
        assertThat(MailParts.part(mail, "text/html"), allOf(containsString("href=\"" + link + "\""),
                containsString("Open the alert in the portal")));

        jobs.sendImmediate();
        assertThat("an alert is mailed once", SmtpServer.receivedBy(member.email()), hasSize(1));
    }

    @Test
    void aSeriousAlertIsMailedInGermanToAMemberWhoUsesThePortalInGerman() throws Exception {
        Member member = member("de", NotifyLevel.ALL);
        Device camera = Fixtures.device(member.household(), "Flurkamera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "bad-" + UUID.randomUUID() + ".example");

        jobs.sendImmediate();

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat(received, hasSize(1));
        assertThat(received.get(0).getSubject(), allOf(startsWith("Ernste Warnung: "), endsWith("(Flurkamera)")));
        assertThat(MailParts.part(received.get(0), "text/plain"), allOf(containsString("auf dem Gerät „Flurkamera“"),
                containsString("Warnung im Portal öffnen: " + PORTAL + "/portal/alerts/" + alert.id)));
        assertThat(MailParts.part(received.get(0), "text/html"), containsString("lang=\"de\""));
    }

    @Test
    void aMemberWhoWantsNoNotificationsGetsNoMail() {
        Member quiet = member("en", NotifyLevel.NONE);
        Member told = member("en", NotifyLevel.SERIOUS);
        moveInto(told, quiet);
        Fixtures.alert(Fixtures.device(quiet.household(), "Tablet", DeviceType.TABLET), "bad-" + UUID.randomUUID());

        jobs.sendImmediate();

        assertThat(SmtpServer.receivedBy(told.email()), hasSize(1));
        assertThat(SmtpServer.receivedBy(quiet.email()), empty());
    }

    @Test
    void theDayDigestGroupsTheDaysOtherAlertsAndActionsInOneEnglishMessage() throws Exception {
        Member member = member("en", NotifyLevel.ALL);
        Device tv = Fixtures.device(member.household(), "Living room TV", DeviceType.TV);
        Device laptop = Fixtures.device(member.household(), "Work laptop", DeviceType.LAPTOP);
        Alert first = alert(tv, Severity.MEDIUM);
        Alert second = alert(laptop, Severity.LOW);
        verifiedQuarantine(laptop);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jobs.sendDigests(today);
        jobs.sendDigests(today);

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat("one digest however often the job runs", received, hasSize(1));
        MimeMessage digest = received.get(0);
        assertThat(digest.getSubject(), allOf(startsWith("HomeShield, "), endsWith("alerts: 2, actions: 1")));
        String text = MailParts.part(digest, "text/plain");
        assertThat(text, allOf(containsString("Alerts"), containsString("Living room TV"),
                containsString("Work laptop"),
                containsString(PORTAL + "/portal/alerts/" + first.id),
                        containsString(PORTAL + "/portal/alerts/" + second.id),
                containsString("The device \"Work laptop\" was isolated from your network."),
                containsString(PORTAL + "/portal/devices/" + laptop.id)));
        assertThat(MailParts.part(digest, "text/html"),
                allOf(containsString("href=\"" + PORTAL + "/portal/alerts/" + first.id + "\""),
                containsString("href=\"" + PORTAL + "/portal/alerts/" + second.id + "\"")));
    }

    @Test
    void theDayDigestIsWrittenInGerman() throws Exception {
        Member member = member("de", NotifyLevel.ALL);
        Device tv = Fixtures.device(member.household(), "Fernseher", DeviceType.TV);
        alert(tv, Severity.MEDIUM);
        alert(tv, Severity.LOW);

        jobs.sendDigests(LocalDate.now(ZoneOffset.UTC));

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat(received, hasSize(1));
        assertThat(received.get(0).getSubject(), endsWith("Warnungen: 2, Maßnahmen: 0"));
        assertThat(MailParts.part(received.get(0), "text/plain"), allOf(containsString("Was HomeShield am "),
                containsString("in Ihrem Heimnetz gesehen und getan hat"), containsString("Fernseher")));
    }

    @Test
    void seriousAlertsAreNotRepeatedInTheDigest() {
        Member member = member("en", NotifyLevel.ALL);
        Fixtures.alert(Fixtures.device(member.household(), "Printer", DeviceType.PRINTER), "bad-" + UUID.randomUUID());

        jobs.sendDigests(LocalDate.now(ZoneOffset.UTC));

        assertThat("nothing else happened that day", SmtpServer.receivedBy(member.email()), empty());
    }

    private record Member(TestHousehold household, UUID id, String email) {
    }

    private static Member member(String language, NotifyLevel level) {
        String subject = "mail-" + UUID.randomUUID();
        TestHousehold household = Fixtures.newHousehold(subject);
        String email = subject + "@example.test";
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            HouseholdMember member = HouseholdMember.findBySubject(subject);
            member.email = email;
            member.language = language;
            member.notifyLevel = level;
            return member.id;
        });
        return new Member(household, id, email);
    }

    private static void moveInto(Member mover, Member into) {
        QuarkusTransaction.requiringNew().run(() -> {
            HouseholdMember member = HouseholdMember.findById(mover.id());
            member.householdId = into.household().id().value();
        });
    }

    private static Alert alert(Device device, Severity severity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = Fixtures.newAlert(device, "odd-" + UUID.randomUUID() + ".example", Instant.now());
            alert.severity = severity;
            alert.persist();
            return alert;
        });
    }

    private static void verifiedQuarantine(Device device) {
        QuarkusTransaction.requiringNew().run(() -> {
            EnforcementAction action = new EnforcementAction();
            action.id = UUID.randomUUID();
            action.householdId = device.householdId;
            action.routerId = device.routerId;
            action.deviceId = device.id;
            action.kind = ActionKind.QUARANTINE;
            action.targetMac = device.mac;
            action.state = ActionState.VERIFIED;
            action.nextAttemptAt = Instant.now();
            action.requestedBy = "test";
            action.requestedAt = Instant.now();
            action.updatedAt = Instant.now();
            action.persist();
        });
    }
}
