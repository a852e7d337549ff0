package com.partnerportal.reference;

import java.util.Locale;

/** A text in the two languages of the portal. */
public record Label(String de, String en) {

    public String in(Locale locale) {
        return "de".equals(locale.getLanguage()) ? de : en;
    }
}
