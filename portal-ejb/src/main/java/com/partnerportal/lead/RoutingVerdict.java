package com.partnerportal.lead;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the routing rules of a lead's market say: its score and why ({@code points}), and, when the
 * rules decide ({@code outcome} not null), whether it goes to the partners and by which rule's terms.
 * The rules decide for a lead that arrives with buying signals and without a handover protocol a
 * person wrote, in a market that has rules; any other lead starts as it always did.
 */
public record RoutingVerdict(int score, List<ScorePoints> points, Outcome outcome, RoutingTerms rule) {

    public enum Outcome { HANDED_OVER, NURTURE }

    public RoutingVerdict {
        points = List.copyOf(points);
    }

    /** The handover protocol's reason for a lead the rules handed over without one, in English. */
    public String protocol() {
        String why = points.stream().filter(p -> p.points() != 0)
                .map(p -> p.attribute().name().toLowerCase().replace('_', ' ') + " " + p.code().toLowerCase()
                        .replace('_', ' ') + " " + (p.points() > 0 ? "+" : "") + p.points())
                .collect(Collectors.joining(", "));
        return "Handed over by the routing rule of " + rule.english() + ". Score " + score
                + (why.isEmpty() ? "" : " (" + why + ")") + ".";
    }
}
