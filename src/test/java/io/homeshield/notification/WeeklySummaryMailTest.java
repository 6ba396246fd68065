package io.homeshield.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.NotifyLevel;
import io.homeshield.inventory.ActivityCounts;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceActivityWriter;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.SmtpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = true)
class WeeklySummaryMailTest {

    private static final String PORTAL = "https://portal.homeshield.test";

    @Inject
    NotificationJobs jobs;

    @Inject
    DeviceActivityWriter activity;

    private final LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(6);

    @Test
    void theWeekIsMailedOnceInEnglishWithItsFiguresAndLinks() throws Exception {
        Member member = member("en", NotifyLevel.SERIOUS);
        Device old = known(member.household(), "Old laptop", Duration.ofDays(30));
        Device camera = Fixtures.device(member.household(), "Garden camera", DeviceType.CAMERA);
        Fixtures.device(member.household(), "Kitchen radio", DeviceType.SPEAKER);
        Alert resolved = Fixtures.alert(camera, "bad-" + UUID.randomUUID() + ".example");
        QuarkusTransaction.requiringNew().run(() -> Alert.<Alert>findById(resolved.id).status = AlertStatus.RESOLVED);
        Fixtures.alert(camera, "bad-" + UUID.randomUUID() + ".example");
        lookups(old, 1_200);
        lookups(camera, 34);

        jobs.sendWeekly(firstDay);
        jobs.sendWeekly(firstDay);

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat("one summary per week however often the job runs", received, hasSize(1));
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject(), equalTo("Your network this week: 3 devices, 2 alerts"));
        String text = MailParts.part(mail, "text/plain");
        assertThat(text, allOf(containsString("Devices on your network: 3"), containsString("New devices: 2"),
                containsString("Alerts: 2 (1 still open)"),
                containsString("Name lookups checked against the threat lists: 1234"),
                containsString("Garden camera"), containsString(PORTAL + "/portal/devices/" + camera.id),
                containsString("See the week in the portal: " + PORTAL + "/portal/week"),
                containsString(PORTAL + "/portal/settings")));
        assertThat("a device known before the week is not new", text, not(containsString("Old laptop")));
        assertThat(MailParts.part(mail, "text/html"), allOf(containsString("lang=\"en\""),
                containsString("href=\"" + PORTAL + "/portal/week\""),
                containsString("href=\"" + PORTAL + "/portal/devices/" + camera.id + "\"")));
    }

    @Test
    void theWeekIsWrittenInGermanForAMemberWhoUsesThePortalInGerman() throws Exception {
        Member member = member("de", NotifyLevel.ALL);
        Device tv = Fixtures.device(member.household(), "Fernseher", DeviceType.TV);
        Fixtures.alert(tv, "bad-" + UUID.randomUUID() + ".example");

        jobs.sendWeekly(firstDay);

        List<MimeMessage> received = SmtpServer.receivedBy(member.email());
        assertThat(received, hasSize(1));
        assertThat(received.get(0).getSubject(), equalTo("Ihr Netzwerk diese Woche: 1 Gerät, 1 Warnung"));
        assertThat(MailParts.part(received.get(0), "text/plain"), allOf(startsWith("Ihr Heimnetz vom "),
                containsString("Neue Geräte: 1"), containsString("Warnungen: 1 (davon noch offen: 1)"),
                containsString("Die Woche im Portal ansehen: " + PORTAL + "/portal/week")));
        assertThat(MailParts.part(received.get(0), "text/html"), containsString("lang=\"de\""));
    }

    @Test
    void aMemberWhoWantsNoNotificationsGetsNoSummary() {
        Member quiet = member("en", NotifyLevel.NONE);
        Fixtures.device(quiet.household(), "Tablet", DeviceType.TABLET);

        jobs.sendWeekly(firstDay);

        assertThat(SmtpServer.receivedBy(quiet.email()), empty());
    }

    private record Member(TestHousehold household, UUID id, String email) {
    }

    private static Member member(String language, NotifyLevel level) {
        String subject = "week-" + UUID.randomUUID();
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

    /** A device first seen {@code since} ago and still there. */
    private static Device known(TestHousehold household, String name, Duration since) {
        Device device = Fixtures.device(household, name, DeviceType.LAPTOP);
        QuarkusTransaction.requiringNew().run(() -> Device.<Device>findById(device.id).firstSeen =
                Instant.now().minus(since));
        return device;
    }

    private void lookups(Device device, long count) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        QuarkusTransaction.requiringNew().run(() -> activity.add(
                List.of(new ActivityCounts(device.id, hour.minus(Duration.ofDays(1)), 10, 10, 1, count - 1),
                        new ActivityCounts(device.id, hour, 10, 10, 1, 1)),
                List.of()));
    }
}
