package io.homeshield.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads the parts of a multipart/alternative message the in-test SMTP server received. */
final class MailParts {

    private MailParts() {
    }

    /** The body part of this type from the multipart/alternative message. */
    static String part(MimeMessage message, String type) throws MessagingException, IOException {
        assertThat(message.getContentType(), startsWith("multipart/"));
        return find((Multipart) message.getContent(), type);
    }

    private static String find(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart body = multipart.getBodyPart(i);
            if (body.isMimeType(type)) {
                return body.getContent().toString();
            }
            if (body.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
