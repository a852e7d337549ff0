package com.partnerportal.marketplace;

import com.partnerportal.platform.PortalUrl;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The mail that tells a reseller's user of leads offered to its partner, in its reader's language
 * (German or English): one lead, or a digest of several. What a marketplace card shows of each
 * (product, region, size, industry, score) and the way to the marketplace; never the company or the
 * prospect's contact data, which only the claim gives.
 */
public record OfferMailText(String subject, String text) {

    private static final String BUNDLE = "com.partnerportal.marketplace.OfferMail";

    /** One offered lead as the mail names it: labels in the reader's language. */
    public record Offered(long leadId, String product, String region, String sizeClass, String industry, int score) {
    }

    /** {@code language} as the portal keeps it for a user ({@code de} or {@code en}); anything else reads English. */
    public static OfferMailText of(List<Offered> leads, String name, String language) {
        Locale locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, OfferMailText.class.getClassLoader());
        String lines = leads.stream()
                .map(lead -> format(texts, "line", locale, lead.product(), lead.region(), texts.getString("size." + lead.sizeClass()),
                        lead.industry() == null ? "–" : lead.industry(), lead.score(), String.valueOf(lead.leadId())))
                .collect(Collectors.joining("\n"));
        Offered first = leads.get(0);
        String subject = leads.size() == 1
                ? format(texts, "subject.one", locale, first.product(), first.region())
                : format(texts, "subject.many", locale, leads.size());
        String text = format(texts, "text", locale, name, leads.size(), lines, PortalUrl.of("/marketplace.xhtml").toString(),
                PortalUrl.of("/profile.xhtml").toString());
        return new OfferMailText(subject, text);
    }

    private static String format(ResourceBundle texts, String key, Locale locale, Object... values) {
        return new MessageFormat(texts.getString(key), locale).format(values);
    }
}
