package com.partnerportal.lead;

import com.partnerportal.partner.SizeClass;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a market's routing rule asks of a lead before it goes to the partners (seed 004): at least
 * {@code minSignals} of the named buying {@code signals} (of any signal when none is named; no signal
 * asked for when 0), a score of at least {@code minScore} (when set) and a size class among
 * {@code sizes} (any when empty). A rule holds for its {@code country}, and for one {@code product}
 * or (null) for all. A lead keeps the terms of the rule that handed it over, as they were then:
 * stored as {@code country;product;signals;minSignals;minScore;sizes}.
 */
public record RoutingTerms(String country, String product, Set<BuyingSignal> signals, int minSignals,
                           Integer minScore, Set<SizeClass> sizes) {

    public RoutingTerms {
        signals = signals == null || signals.isEmpty() ? EnumSet.noneOf(BuyingSignal.class) : EnumSet.copyOf(signals);
        sizes = sizes == null || sizes.isEmpty() ? EnumSet.noneOf(SizeClass.class) : EnumSet.copyOf(sizes);
    }

    /** Whether a lead with these signals, score and size meets the terms. */
    public boolean metBy(Set<BuyingSignal> has, int score, SizeClass size) {
        if (!sizes.isEmpty() && !sizes.contains(size)) {
            return false;
        }
        if (minScore != null && score < minScore) {
            return false;
        }
        return has.stream().filter(s -> signals.isEmpty() || signals.contains(s)).count() >= minSignals;
    }

    public String encode() {
        return String.join(";", country, product == null ? "" : product, nullToEmpty(BuyingSignal.encode(signals)),
                String.valueOf(minSignals), minScore == null ? "" : minScore.toString(),
                sizes.stream().map(Enum::name).collect(Collectors.joining(",")));
    }

    public static RoutingTerms decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String[] p = stored.split(";", -1);
        Set<SizeClass> sizes = EnumSet.noneOf(SizeClass.class);
        Arrays.stream(p[5].split(",")).filter(s -> !s.isBlank()).map(SizeClass::valueOf).forEach(sizes::add);
        return new RoutingTerms(p[0], p[1].isEmpty() ? null : p[1], BuyingSignal.decode(p[2]), Integer.parseInt(p[3]),
                p[4].isEmpty() ? null : Integer.valueOf(p[4]), sizes);
    }

    /** The terms in English, for the handover protocol the intake writes and the API's timeline. */
    public String english() {
        StringBuilder text = new StringBuilder("market ").append(country)
                .append(product == null ? ", every product" : ", product " + product);
        if (minSignals > 0) {
            text.append(": at least ").append(minSignals).append(minSignals == 1 ? " buying signal" : " buying signals")
                    .append(signals.isEmpty() ? "" : " of " + signals.stream().map(s -> s.name().toLowerCase().replace('_', ' '))
                            .collect(Collectors.joining(", ")));
        }
        if (minScore != null) {
            text.append(minSignals > 0 ? ", " : ": ").append("score at least ").append(minScore);
        }
        if (!sizes.isEmpty()) {
            text.append(minSignals > 0 || minScore != null ? ", " : ": ").append("size ")
                    .append(sizes.stream().map(s -> s.name().toLowerCase()).collect(Collectors.joining(" or ")));
        }
        return text.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
