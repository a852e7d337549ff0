package com.partnerportal.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends plain-text mail through the server's mail session (GreenMail on 3025 in the demo run and
 * the tests, the SMTP server of the environment elsewhere).
 */
@Stateless
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    /** Best effort: a mail that cannot be sent is logged; what caused it is already stored. */
    public boolean send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
            return true;
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Mail to " + to + " not sent: " + subject, e);
            return false;
        }
    }
}
