package io.homeshield.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free loopback port, which the application's mailer sends to. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return Map.of("quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.host", "127.0.0.1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The messages received so far for this address. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
