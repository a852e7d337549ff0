package com.partnerportal.lead;

import com.partnerportal.platform.PortalUrl;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reminder mail of a follow-up, in its reader's language (German or English): the company, the
 * follow-up time and the lead's address; never the prospect's contact data, which a mail would carry
 * beyond the portal.
 */
public record FollowUpMail(String subject, String text) {

    private static final String BUNDLE = "com.partnerportal.lead.FollowUpMail";

    /** {@code language} as the portal keeps it for a user ({@code de} or {@code en}); anything else reads English. */
    public static FollowUpMail of(FollowUpMarks.Reminder reminder, String name, String language, ZoneId zone) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, FollowUpMail.class.getClassLoader());
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(reminder.followUpAt());
        Object[] values = {reminder.companyName(), time, PortalUrl.of("/lead/" + reminder.leadId()).toString(), name};
        return new FollowUpMail(new MessageFormat(texts.getString("subject"), locale).format(values),
                new MessageFormat(texts.getString("text"), locale).format(values));
    }
}
