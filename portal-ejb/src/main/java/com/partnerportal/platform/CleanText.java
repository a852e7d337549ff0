package com.partnerportal.platform;

import java.text.Normalizer;

/**
 * The one rule for text that comes in from outside (JSON bodies, query and path parameters, form
 * fields): no control characters (tab and line breaks only where text may span lines), no bidi
 * overrides that make text read differently than it is stored, no unpaired surrogates; what passes
 * is stored in Unicode normal form C, so that the same word is the same string.
 */
public final class CleanText {

    private CleanText() {
    }

    /**
     * The message key of what is wrong with {@code value} ({@code controlCharacter},
     * {@code bidiControl}, {@code surrogate}), or null if it may be stored.
     */
    public static String problem(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "surrogate";
            }
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) { // C0 (NUL, ESC of ANSI sequences, ...), DEL and C1
                return "controlCharacter";
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                    || c == '\u061C') {
                return "bidiControl";
            }
        }
        return null;
    }

    /** An optional field: null when absent or blank, else without the spaces around it. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code value} in normal form C; call after {@link #problem} found nothing. */
    public static String normalize(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }
}
