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
 */
public record ConsentMail(String subject, String text) {

    /** Which mail. */
    public enum Kind { INVITATION, CONFIRMATION, RENEWAL }

    private static final String BUNDLE = "com.partnerportal.consent.ConsentMail";

    public static ConsentMail of(Kind kind, String language, String name, String company, String token, Instant expiresAt,
                                 String decisions, ZoneId zone) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ConsentMail.class.getClassLoader());
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(expiresAt);
        Object[] values = {name, company, PortalUrl.of("/consent/" + token).toString(), until, decisions};
        String key = kind.name().toLowerCase(Locale.ROOT);
        return new ConsentMail(new MessageFormat(texts.getString(key + ".subject"), locale).format(values),
                new MessageFormat(texts.getString(key + ".text"), locale).format(values));
    }

    /** The prospect's language, from the lead's country: German where it is spoken, English elsewhere. */
    public static String languageOf(String country) {
        return country != null && java.util.Set.of("DE", "AT", "CH", "LI", "LU").contains(country) ? "de" : "en";
    }
}
