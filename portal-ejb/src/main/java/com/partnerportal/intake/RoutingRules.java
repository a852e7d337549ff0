package com.partnerportal.intake;

import com.partnerportal.lead.BuyingSignal;
import com.partnerportal.lead.RoutingTerms;
import com.partnerportal.lead.RoutingVerdict;
import com.partnerportal.lead.ScorePoints;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The channel manager's routing rules per market and score rules (seed 004), and what they would
 * have done: a rule changed applies to leads delivered from then on; the preview counts how many of
 * the last 30 days' leads each market's rules (as kept, or as drafted) hand to the partners.
 */
@Stateless
public class RoutingRules {

    /** How far back the preview looks. */
    public static final Duration PREVIEW_PERIOD = Duration.ofDays(30);

    /** A rule as the API and the page show it. */
    public record RuleView(long id, String country, String product, Set<BuyingSignal> signals, int minSignals,
                           Integer minScore, Set<SizeClass> sizeClasses, String changedBy, Instant changedAt,
                           long version) {
    }

    /** A rule as the channel manager writes it, raw; {@code version} (optional) guards against a lost update. */
    public record RuleInput(String country, String product, List<String> signals, Integer minSignals,
                            Integer minScore, List<String> sizeClasses, Long version) {
    }

    /** The points of one signal, size class or product. */
    public record ScoreRuleView(ScorePoints.Attribute attribute, String code, int points) {
    }

    /** Points as the channel manager writes them, raw. */
    public record ScoreRuleInput(String attribute, String code, Integer points) {
    }

    /**
     * What a market's rules do with the last 30 days' leads: {@code leads} delivered, {@code decided}
     * the ones the rules decide for (with buying signals, without a person's handover protocol), how
     * many of those they hand over and keep for marketing, and how many each rule handed over.
     */
    public record Preview(String country, long leads, long decided, long handedOver, long nurture,
                          Map<Long, Long> byRule) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private Clock clock;

    /** The rules as kept now: what the intake decides by. */
    public RoutingBook book() {
        Map<ScorePoints.Attribute, Map<String, Integer>> points = new EnumMap<>(ScorePoints.Attribute.class);
        em.createQuery("select r from ScoreRule r", ScoreRule.class).getResultList().stream()
                .forEach(r -> points.computeIfAbsent(r.attribute, a -> new HashMap<>()).put(r.code, r.points));
        List<RoutingBook.Rule> rules = em.createQuery("select r from RoutingRule r order by r.id", RoutingRule.class)
                .getResultList().stream().map(r -> new RoutingBook.Rule(r.id, r.terms())).toList();
        return new RoutingBook(points, rules);
    }

    public List<RuleView> rules(Caller caller) {
        requireManager(caller);
        return em.createQuery("select r from RoutingRule r", RoutingRule.class).getResultList().stream()
                .sorted(Comparator.comparing((RoutingRule r) -> r.country)
                        .thenComparing(r -> r.product == null ? "" : r.product).thenComparing(r -> r.id))
                .map(RoutingRules::view).toList();
    }

    public RuleView rule(Caller caller, long id) {
        requireManager(caller);
        return view(find(id));
    }

    public RuleView create(Caller caller, RuleInput input) {
        requireManager(caller);
        RoutingRule rule = new RoutingRule();
        rule.set(check(input), caller.username(), clock.instant());
        em.persist(rule);
        em.flush();
        return view(rule);
    }

    public RuleView update(Caller caller, long id, RuleInput input) {
        requireManager(caller);
        RoutingTerms terms = check(input);
        RoutingRule rule = find(id);
        if (input.version() != null && input.version() != rule.version) {
            throw new ConflictException("RULE_CHANGED", "The rule was changed by " + rule.changedBy + " in the meantime");
        }
        rule.set(terms, caller.username(), clock.instant());
        em.flush();
        return view(rule);
    }

    public void delete(Caller caller, long id) {
        requireManager(caller);
        em.remove(find(id));
    }

    /** Every score rule, signals first, then size classes and products. */
    public List<ScoreRuleView> scoreRules(Caller caller) {
        requireManager(caller);
        return em.createQuery("select r from ScoreRule r", ScoreRule.class).getResultList().stream()
                .map(r -> new ScoreRuleView(r.attribute, r.code, r.points))
                .sorted(Comparator.comparing(ScoreRuleView::attribute).thenComparing(ScoreRuleView::code)).toList();
    }

    /** Replaces the score rules by {@code input}: what is not listed earns no points. */
    public List<ScoreRuleView> replaceScoreRules(Caller caller, List<ScoreRuleInput> input) {
        requireManager(caller);
        Validation v = new Validation();
        Map<String, ScoreRule> checked = new LinkedHashMap<>();
        List<ScoreRuleInput> rows = input == null ? List.of() : input;
        for (int i = 0; i < rows.size(); i++) {
            ScoreRuleInput row = rows.get(i) == null ? new ScoreRuleInput(null, null, null) : rows.get(i);
            String at = "[" + i + "].";
            ScorePoints.Attribute attribute = v.requireEnum(at + "attribute", row.attribute(), ScorePoints.Attribute.class);
            if (attribute == ScorePoints.Attribute.DELIVERED) {
                v.reject(at + "attribute", "oneOf", "SIGNAL, SIZE_CLASS, PRODUCT");
            }
            String code = row.code() == null ? null : row.code().strip().toUpperCase(Locale.ROOT);
            if (code == null || code.isEmpty()) {
                v.reject(at + "code", "required");
            } else if (attribute != null && !codesOf(attribute).contains(code)) {
                v.reject(at + "code", "unknownCode", row.code());
            }
            Integer points = v.requireRange(at + "points", row.points(), -100, 100);
            if (attribute != null && code != null && points != null) {
                ScoreRule rule = new ScoreRule();
                rule.attribute = attribute;
                rule.code = code;
                rule.points = points;
                if (checked.put(attribute + ":" + code, rule) != null) {
                    v.reject(at + "code", "repeatedColumn", code);
                }
            }
        }
        v.throwIfInvalid();
        em.createQuery("delete from ScoreRule").executeUpdate();
        checked.values().stream().filter(r -> r.points != 0).forEach(em::persist);
        em.flush();
        return scoreRules(caller);
    }

    /** What every market's rules as kept do with the last 30 days' leads: markets with rules only. */
    public List<Preview> preview(Caller caller) {
        requireManager(caller);
        RoutingBook book = book();
        Set<String> markets = new TreeSet<>();
        book.rules().forEach(r -> markets.add(r.terms().country()));
        return preview(book, markets);
    }

    /** What {@code country}'s rules would do if they were {@code draft} (ids negative for new ones). */
    public Preview preview(Caller caller, String country, List<RuleInput> draft) {
        requireManager(caller);
        List<RoutingBook.Rule> rules = new ArrayList<>();
        long next = -1;
        for (RuleInput input : draft) {
            RoutingTerms terms = check(input);
            if (!terms.country().equals(country)) {
                throw new com.partnerportal.platform.InvalidInputException(
                        List.of(new com.partnerportal.platform.FieldError("country", "oneOf", country)));
            }
            rules.add(new RoutingBook.Rule(next--, terms));
        }
        return preview(book().withMarket(country, rules), Set.of(country)).get(0);
    }

    private List<Preview> preview(RoutingBook book, Set<String> markets) {
        if (markets.isEmpty()) {
            return List.of();
        }
        Instant since = clock.instant().minus(PREVIEW_PERIOD);
        Map<String, Long> leads = new HashMap<>();
        em.createQuery("""
                        select l.country, count(l) from Lead l where l.createdAt >= :since and l.country in :markets
                        group by l.country""", Object[].class)
                .setParameter("since", since).setParameter("markets", markets).getResultList().stream()
                .forEach(row -> leads.put((String) row[0], (Long) row[1]));
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Map<Long, Long>> byRule = new HashMap<>();
        em.createQuery("""
                        select l.source, l.country, l.product, l.sizeClass, l.signals, l.scoreReasons, l.score
                        from Lead l where l.createdAt >= :since and l.country in :markets and l.signals is not null
                        and (l.routingOutcome is not null or l.handoverReason is null)""", Object[].class)
                .setParameter("since", since).setParameter("markets", markets).getResultList().stream()
                .forEach(row -> {
                    boolean delivered = ScorePoints.decode((String) row[5]).stream()
                            .anyMatch(p -> p.attribute() == ScorePoints.Attribute.DELIVERED);
                    RoutingBook.Decision decision = book.verdict((String) row[0], delivered ? (Integer) row[6] : null,
                            BuyingSignal.decode((String) row[4]), (SizeClass) row[3], (String) row[2],
                            (String) row[1], false);
                    long[] c = counts.computeIfAbsent((String) row[1], k -> new long[3]);
                    RoutingVerdict.Outcome outcome = decision.verdict().outcome();
                    if (outcome != null) {
                        c[0]++;
                        c[outcome == RoutingVerdict.Outcome.HANDED_OVER ? 1 : 2]++;
                    }
                    if (decision.rule() != null) {
                        byRule.computeIfAbsent((String) row[1], k -> new HashMap<>())
                                .merge(decision.rule().id(), 1L, Long::sum);
                    }
                });
        return markets.stream().map(country -> {
            long[] c = counts.getOrDefault(country, new long[3]);
            return new Preview(country, leads.getOrDefault(country, 0L), c[0], c[1], c[2],
                    Map.copyOf(byRule.getOrDefault(country, Map.of())));
        }).toList();
    }

    /** A rule checked field by field: a market of the portal, a product of the catalogue, known signals and sizes. */
    private RoutingTerms check(RuleInput raw) {
        RuleInput in = raw == null ? new RuleInput(null, null, null, null, null, null, null) : raw;
        Validation v = new Validation();
        String country = in.country() == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (country == null || country.isEmpty()) {
            v.reject("country", "required");
        } else if (!catalog.countries().contains(country)) {
            v.reject("country", "notAMarket");
        }
        String product = in.product() == null || in.product().isBlank() ? null : in.product().strip().toUpperCase(Locale.ROOT);
        if (product != null && !catalog.codes(Catalog.PRODUCT).contains(product)) {
            v.reject("product", "unknownCode", in.product());
        }
        Set<BuyingSignal> signals = codes(v, "signals", in.signals(), BuyingSignal.class);
        Set<SizeClass> sizes = codes(v, "sizeClasses", in.sizeClasses(), SizeClass.class);
        int minSignals = in.minSignals() == null ? (signals.isEmpty() ? 0 : 1) : in.minSignals();
        if (in.minSignals() != null) {
            v.requireRange("minSignals", in.minSignals(), 0, BuyingSignal.values().length);
        }
        if (!signals.isEmpty() && minSignals > signals.size()) {
            v.reject("minSignals", "moreThanNamed", signals.size());
        }
        Integer minScore = in.minScore() == null ? null : v.requireRange("minScore", in.minScore(), 0, 1000);
        v.throwIfInvalid();
        return new RoutingTerms(country, product, signals, minSignals, minScore, sizes);
    }

    private static <E extends Enum<E>> Set<E> codes(Validation v, String field, List<String> codes, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (codes != null) {
            for (int i = 0; i < codes.size(); i++) {
                E code = v.requireEnum(field + "[" + i + "]", codes.get(i), type);
                if (code != null) {
                    set.add(code);
                }
            }
        }
        return set;
    }

    private Set<String> codesOf(ScorePoints.Attribute attribute) {
        return switch (attribute) {
            case SIGNAL -> enumNames(BuyingSignal.class);
            case SIZE_CLASS -> enumNames(SizeClass.class);
            case PRODUCT -> catalog.codes(Catalog.PRODUCT);
            case DELIVERED -> Set.of();
        };
    }

    private static <E extends Enum<E>> Set<String> enumNames(Class<E> type) {
        Set<String> names = new TreeSet<>();
        EnumSet.allOf(type).forEach(e -> names.add(e.name()));
        return names;
    }

    private RoutingRule find(long id) {
        RoutingRule rule = em.find(RoutingRule.class, id);
        if (rule == null) {
            throw new NotFoundException("Routing rule " + id);
        }
        return rule;
    }

    private static RuleView view(RoutingRule rule) {
        RoutingTerms terms = rule.terms();
        return new RuleView(rule.id, terms.country(), terms.product(), terms.signals(), terms.minSignals(),
                terms.minScore(), terms.sizes(), rule.changedBy, rule.changedAt, rule.version);
    }

    private static void requireManager(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The routing rules are the channel manager's");
        }
    }
}
