package com.partnerportal.lead;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A company's name as the intake compares it: lower case, umlauts folded ({@code ü} as {@code ue}),
 * accents dropped, punctuation and legal forms (GmbH, AG, KG, Ltd, ...) removed, no spaces, so that
 * "Müller Maschinenbau GmbH", "MUELLER-MASCHINENBAU G.m.b.H." and "Müller Maschinenbau" are one key.
 */
public final class CompanyName {

    /** Legal forms, as words after punctuation is gone. */
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug",
            "haftungsbeschraenkt", "co", "cokg", "ev", "eg", "se", "ltd", "limited", "inc", "llc", "plc", "corp",
            "sarl", "sa", "sas", "srl", "spa", "bv", "nv", "ab", "as", "oy", "aps", "sro", "spzoo", "gesmbh");
    private static final Pattern SPELLED_OUT = Pattern.compile(
            "gesellschaft mit beschraenkter haftung|aktiengesellschaft|kommanditgesellschaft|& ?co\\.?");
    private static final Pattern DOTTED_FORM = Pattern.compile("\\b((?:[a-z]\\.\\s?){2,}[a-z]?\\.?)");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private CompanyName() {
    }

    /** The key of a name: empty when nothing but a legal form or punctuation is left. */
    public static String key(String name) {
        return String.join("", words(name));
    }

    /** The first letters of the key, by which similar names are looked up in an index. */
    public static String block(String key) {
        return key.length() <= 4 ? key : key.substring(0, 4);
    }

    /** The name's words without the legal form, folded as in {@link #key}. */
    public static java.util.List<String> words(String name) {
        if (name == null) {
            return java.util.List.of();
        }
        String folded = name.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        folded = SPELLED_OUT.matcher(folded).replaceAll(" ");
        // "G.m.b.H." and "e. V." become one word before the dots go
        folded = DOTTED_FORM.matcher(folded).replaceAll(m -> m.group(1).replaceAll("[.\\s]", "") + " ");
        return Arrays.stream(NOT_A_LETTER_OR_DIGIT.split(folded))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.toList());
    }
}
