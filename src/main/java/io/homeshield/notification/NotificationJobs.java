package io.homeshield.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends members their e-mails, on one replica of the cluster at a time: immediate mails about serious
 * alerts shortly after they open (ingest only stores the alert; this job reads it afterwards), and
 * each morning the digest of the day before, each Monday the summary of the week before. A mail the
 * SMTP server refuses is tried again next pass.
 */
@ApplicationScoped
public class NotificationJobs {

    private final MailQueue queue;
    private final MailComposer composer;
    private final Mailer mailer;
    private final Clock clock;

    NotificationJobs(MailQueue queue, MailComposer composer, Mailer mailer, Clock clock) {
        this.queue = queue;
        this.composer = composer;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(identity = "notifications.immediate", every = "${homeshield.notifications.immediate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = OncePerCluster.class)
    void immediateJob() {
        sendImmediate();
    }

    @Scheduled(identity = "notifications.digest", cron = "${homeshield.notifications.digest-cron}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OncePerCluster.class)
    void digestJob() {
        sendDigests(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
    }

    @Scheduled(identity = "notifications.weekly", cron = "${homeshield.notifications.weekly-cron}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OncePerCluster.class)
    void weeklyJob() {
        sendWeekly(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(WeeklySummaries.DAYS));
    }

    /** Queues and sends the mails about recent serious alerts; how many went out. */
    public int sendImmediate() {
        queue.queueImmediate();
        return sendQueued(NotificationMail.Kind.IMMEDIATE);
    }

    /** Queues and sends the digests of {@code day} (UTC); how many went out. */
    public int sendDigests(LocalDate day) {
        queue.queueDigests(day);
        return sendQueued(NotificationMail.Kind.DIGEST);
    }

    /** Queues and sends every member's summary of the seven days from {@code firstDay} (UTC); how many went out. */
    public int sendWeekly(LocalDate firstDay) {
        int page = 0;
        int queued;
        do {
            queued = queue.queueWeekly(firstDay, page++);
        } while (queued > 0);
        int sent = 0;
        for (int round = sendQueued(NotificationMail.Kind.WEEKLY); round > 0; round = sendQueued(
                NotificationMail.Kind.WEEKLY)) {
            sent += round;
        }
        return sent;
    }

    private int sendQueued(NotificationMail.Kind kind) {
        int sent = 0;
        for (UUID id : queue.claimUnsent(kind)) {
            try {
                Optional<Mail> mail = composer.compose(id);
                if (mail.isPresent()) {
                    mailer.send(mail.get());
                    sent++;
                }
                queue.sent(id);
            } catch (RuntimeException e) {
                Log.warnf("E-mail %s not sent, tried again later: %s", id, e.getMessage());
                queue.failed(id, e.getMessage());
            }
        }
        return sent;
    }
}
