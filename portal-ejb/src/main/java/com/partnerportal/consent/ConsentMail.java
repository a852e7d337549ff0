package com.partnerportal.consent;

import com.partnerportal.platform.PortalUrl;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The mails a prospect gets about consent, in the prospect's language: the request to choose
 * partners, the confirmation of what was recorded, and a fresh link; each with a link to the consent
 * page ({@code /consent/<token>}). They name the prospect and the request, nothing of any partner's.
 * And the mail that tells a partner's users a lead is gone, without the prospect's data.
 */
public record ConsentMail(String subject, String text) {

    /** Which mail. */
    public enum Kind { INVITATION, CONFIRMATION, RENEWAL }

    private static final String BUNDLE = "com.partnerportal.consent.ConsentMail";

    public static ConsentMail of(Kind kind, String language, String name, String company, String token, Instant expiresAt,
                                 String decisions, ZoneId zone) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle texts = texts(language);
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(expiresAt);
        Object[] values = {name, company, PortalUrl.of("/consent/" + token).toString(), until, decisions};
        String key = kind.name().toLowerCase(Locale.ROOT);
        return new ConsentMail(new MessageFormat(texts.getString(key + ".subject"), locale).format(values),
                new MessageFormat(texts.getString(key + ".text"), locale).format(values));
    }

    /** A decision as the confirmation lists it ("may contact you"), in the prospect's language. */
    public static String decision(String language, Decision decision) {
        return texts(language).getString("decision." + decision);
    }

    /**
     * The mail to a user of the partner that held a lead the prospect withdrew or had erased: the lead's
     * number and its address in the portal, nothing of the prospect.
     */
    public static ConsentMail leadGone(String language, String name, long leadId) {
        ResourceBundle texts = texts(language);
        Object[] values = {name, Long.toString(leadId), PortalUrl.of("/lead/" + leadId).toString()};
        return new ConsentMail(MessageFormat.format(texts.getString("withdrawn.subject"), values),
                MessageFormat.format(texts.getString("withdrawn.text"), values));
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle(BUNDLE, "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH,
                ConsentMail.class.getClassLoader());
    }

    /** The prospect's language, from the lead's country: German where it is spoken, English elsewhere. */
    public static String languageOf(String country) {
        return country != null && java.util.Set.of("DE", "AT", "CH", "LI", "LU").contains(country) ? "de" : "en";
    }
}
