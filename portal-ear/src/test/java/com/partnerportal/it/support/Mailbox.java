package com.partnerportal.it.support;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** Reads a mailbox of the test mail server over IMAP (127.0.0.1:3143), as a mail client would. */
public final class Mailbox {

    /** One received mail. */
    public record Mail(String subject, String text) {
    }

    private Mailbox() {
    }

    public static List<Mail> of(String address) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", 3143, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                // the whole messages in one round trip: one fetch per mail took seconds on a busy test inbox
                FetchProfile whole = new FetchProfile();
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                inbox.fetch(messages, whole);
                List<Mail> mails = new ArrayList<>();
                for (Message message : messages) {
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent())));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address, e);
        }
    }
}
