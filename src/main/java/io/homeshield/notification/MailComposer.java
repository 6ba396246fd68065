package io.homeshield.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertMessages;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.inventory.Device;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Writes a queued e-mail in its member's language, with links to the portal; empty if nothing is left to say. */
@ApplicationScoped
class MailComposer {

    private final DigestContent digests;
    private final WeeklySummaries summaries;
    private final String publicUrl;

    MailComposer(DigestContent digests, WeeklySummaries summaries,
            @ConfigProperty(name = "homeshield.public-url") String publicUrl) {
        this.digests = digests;
        this.summaries = summaries;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Mail> compose(UUID mailId) {
        NotificationMail queued = NotificationMail.findById(mailId);
        HouseholdMember member = queued == null ? null : HouseholdMember.findById(queued.memberId);
        if (member == null || member.email == null) {
            return Optional.empty();
        }
        Locale locale = "de".equals(member.language) ? Locale.GERMAN : Locale.ENGLISH;
        return switch (queued.kind) {
            case IMMEDIATE -> immediate(member, UUID.fromString(queued.subjectKey), locale);
            case DIGEST -> digest(member, LocalDate.parse(queued.subjectKey), locale);
            case WEEKLY -> Optional.of(weekly(member, LocalDate.parse(queued.subjectKey), locale));
        };
    }

    private Optional<Mail> immediate(HouseholdMember member, UUID alertId, Locale locale) {
        Alert alert = Alert.findById(alertId);
        if (alert == null) {
            return Optional.empty();
        }
        MailMessages m = texts(locale);
        AlertMessages a = alertTexts(locale);
        String device = deviceName(alert.deviceId);
        String title = a.alertTitle(alert.alertType());
        NotificationMails.Immediate mail = new NotificationMails.Immediate(locale.getLanguage(),
                m.immediate_subject(title, device), m.immediate_intro(device), title, a.alertWhy(alert.alertType()),
                a.alertAdvice(alert.alertType()), m.immediate_open(), alertLink(alert), m.footer(settingsLink()));
        return Optional.of(Mail.withHtml(member.email, mail.subject(),
                NotificationMails.immediateHtml(mail).render())
                .setText(NotificationMails.immediateText(mail).render()));
    }

    private Optional<Mail> digest(HouseholdMember member, LocalDate day, Locale locale) {
        DigestContent.Day content = digests.of(member, day);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        MailMessages m = texts(locale);
        AlertMessages a = alertTexts(locale);
        Map<UUID, String> devices = deviceNames(content);
        List<NotificationMails.Line> alerts = content.alerts().stream()
                .map(alert -> new NotificationMails.Line(a.alertTitle(alert.alertType()) + " – "
                        + devices.getOrDefault(alert.deviceId, "?"), alertLink(alert)))
                .toList();
        List<NotificationMails.Line> actions = content.actions().stream()
                .map(action -> new NotificationMails.Line(actionText(m, action,
                        devices.getOrDefault(action.deviceId, "?")),
                        publicUrl + "/portal/devices/" + action.deviceId))
                .toList();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        NotificationMails.Digest mail = new NotificationMails.Digest(locale.getLanguage(),
                m.digest_subject(date, alerts.size(), actions.size()), m.digest_intro(date), m.digest_alerts(), alerts,
                m.digest_actions(), actions, m.footer(settingsLink()));
        return Optional.of(Mail.withHtml(member.email, mail.subject(), NotificationMails.digestHtml(mail).render())
                .setText(NotificationMails.digestText(mail).render()));
    }

    private Mail weekly(HouseholdMember member, LocalDate firstDay, Locale locale) {
        WeeklySummary week = summaries.of(new HouseholdId(member.householdId), firstDay);
        MailMessages m = texts(locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<NotificationMails.Line> joined = week.newDevices().stream()
                .map(d -> new NotificationMails.Line(d.name(), publicUrl + "/portal/devices/" + d.id())).toList();
        NotificationMails.Weekly mail = new NotificationMails.Weekly(locale.getLanguage(),
                m.weekly_subject(week.devices(), week.alerts()),
                m.weekly_intro(dates.format(week.firstDay()), dates.format(week.lastDay())),
                List.of(m.weekly_devices(week.devices()), m.weekly_newDevices(week.newDevices().size()),
                        m.weekly_alerts(week.alerts(), week.stillOpen()), m.weekly_lookups(week.lookups()),
                        m.weekly_blocked(week.blockedLookups())),
                joined, m.weekly_open(), publicUrl + "/portal/week", m.footer(settingsLink()));
        return Mail.withHtml(member.email, mail.subject(), NotificationMails.weeklyHtml(mail).render())
                .setText(NotificationMails.weeklyText(mail).render());
    }

    private static String actionText(MailMessages m, EnforcementAction action, String device) {
        boolean verified = action.state == ActionState.VERIFIED;
        if (action.kind == ActionKind.QUARANTINE) {
            return verified ? m.action_quarantineVerified(device) : m.action_quarantineFailed(device);
        }
        return verified ? m.action_releaseVerified(device) : m.action_releaseFailed(device);
    }

    private String alertLink(Alert alert) {
        return publicUrl + "/portal/alerts/" + alert.id;
    }

    private String settingsLink() {
        return publicUrl + "/portal/settings";
    }

    private static String deviceName(UUID deviceId) {
        Device device = deviceId == null ? null : Device.findById(deviceId);
        return device == null ? "?" : device.displayName();
    }

    private static Map<UUID, String> deviceNames(DigestContent.Day content) {
        List<UUID> ids = java.util.stream.Stream.concat(content.alerts().stream().map(a -> a.deviceId),
                content.actions().stream().map(a -> a.deviceId)).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Device.<Device>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(d -> d.id, Device::displayName, (x, y) -> x));
    }

    private static MailMessages texts(Locale locale) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    private static AlertMessages alertTexts(Locale locale) {
        return MessageBundles.get(AlertMessages.class, Localized.Literal.of(locale.getLanguage()));
    }
}
