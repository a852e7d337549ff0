package com.partnerportal.intake;

import com.partnerportal.lead.BuyingSignal;
import com.partnerportal.lead.LeadRules;
import com.partnerportal.lead.RoutingTerms;
import com.partnerportal.lead.RoutingVerdict;
import com.partnerportal.lead.ScorePoints;
import com.partnerportal.partner.SizeClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The score rules and the routing rules of every market at one moment, and what they say of a lead:
 * its score (the score its source delivered, or the points of its signals, size class and product)
 * and, for a lead with buying signals and without a handover protocol in a market with rules, the
 * first rule that hands it over or none (then marketing keeps it). The rules of a market for the
 * lead's product stand in for the market's rules for every product.
 */
public record RoutingBook(Map<ScorePoints.Attribute, Map<String, Integer>> points, List<Rule> rules) {

    /** A stored rule and its terms. */
    public record Rule(long id, RoutingTerms terms) {
    }

    /** What the rules say of a lead as delivered. */
    public RoutingVerdict verdict(LeadRules.Checked lead) {
        return verdict(lead.source(), lead.score(), lead.signals(), lead.sizeClass(), lead.product(), lead.country(),
                lead.handedOver()).verdict();
    }

    /** A verdict and the rule that gave it, null when none handed the lead over. */
    public record Decision(RoutingVerdict verdict, Rule rule) {
    }

    /**
     * What the rules say of a lead with these facts: {@code delivered} is the score its source gave
     * (null: scored here), {@code handedOver} whether a person wrote its handover protocol.
     */
    public Decision verdict(String source, Integer delivered, Set<BuyingSignal> signals, SizeClass size, String product,
                            String country, boolean handedOver) {
        List<ScorePoints> why = new ArrayList<>();
        if (delivered != null) {
            why.add(new ScorePoints(ScorePoints.Attribute.DELIVERED, source, delivered));
        } else {
            signals.stream().sorted().forEach(s -> earn(why, ScorePoints.Attribute.SIGNAL, s.name()));
            earn(why, ScorePoints.Attribute.SIZE_CLASS, size.name());
            earn(why, ScorePoints.Attribute.PRODUCT, product);
        }
        int score = why.stream().mapToInt(ScorePoints::points).sum();
        List<Rule> market = of(country, product);
        if (market.isEmpty() || handedOver || signals.isEmpty()) {
            return new Decision(new RoutingVerdict(score, why, null, null), null);
        }
        for (Rule rule : market) {
            if (rule.terms().metBy(signals, score, size)) {
                return new Decision(new RoutingVerdict(score, why, RoutingVerdict.Outcome.HANDED_OVER, rule.terms()), rule);
            }
        }
        return new Decision(new RoutingVerdict(score, why, RoutingVerdict.Outcome.NURTURE, null), null);
    }

    /** The rules that decide for a lead of this country and product. */
    public List<Rule> of(String country, String product) {
        List<Rule> forProduct = rules.stream()
                .filter(r -> r.terms().country().equals(country) && Objects.equals(r.terms().product(), product)).toList();
        return !forProduct.isEmpty() ? forProduct
                : rules.stream().filter(r -> r.terms().country().equals(country) && r.terms().product() == null).toList();
    }

    /** The book with the rules of {@code country} replaced by {@code draft}: what the preview asks. */
    public RoutingBook withMarket(String country, List<Rule> draft) {
        List<Rule> all = new ArrayList<>(rules.stream().filter(r -> !r.terms().country().equals(country)).toList());
        all.addAll(draft);
        return new RoutingBook(points, all);
    }

    private void earn(List<ScorePoints> why, ScorePoints.Attribute attribute, String code) {
        Integer earned = points.getOrDefault(attribute, Map.of()).get(code);
        if (earned != null && earned != 0) {
            why.add(new ScorePoints(attribute, code, earned));
        }
    }
}
