package com.partnerportal.web.ui;

import com.partnerportal.intake.RoutingRules;
import com.partnerportal.lead.BuyingSignal;
import com.partnerportal.lead.RoutingTerms;
import com.partnerportal.lead.ScorePoints;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel manager's routing page: the rules of each market with what they handed over in the
 * last 30 days, a form to add or change a rule with a preview of what it would hand over before it
 * is saved, and the points of the score rules.
 */
@Named
@ViewScoped
public class RoutingEditor implements Serializable {

    /** One line of the score rules: the points of a signal, size class or product, editable. */
    public static class PointsRow implements Serializable {
        private final ScorePoints.Attribute attribute;
        private final String code;
        private int points;

        PointsRow(ScorePoints.Attribute attribute, String code, int points) {
            this.attribute = attribute;
            this.code = code;
            this.points = points;
        }

        public ScorePoints.Attribute getAttribute() { return attribute; }
        public String getCode() { return code; }
        public int getPoints() { return points; }
        public void setPoints(int points) { this.points = points; }
    }

    @Inject
    private RoutingRules routing;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private CurrentUser user;

    @Inject
    private Format format;

    private List<RoutingRules.RuleView> rules;
    private Map<String, RoutingRules.Preview> previews;
    private List<PointsRow> points;

    private Long editing;
    private Long editingVersion;
    private String country;
    private String product;
    private List<String> signals = new ArrayList<>();
    private Integer minSignals = 1;
    private Integer minScore;
    private List<String> sizeClasses = new ArrayList<>();
    private RoutingRules.Preview draftPreview;

    public List<RoutingRules.RuleView> getRules() {
        if (rules == null) {
            rules = routing.rules(user.caller());
        }
        return rules;
    }

    /** What each market's rules did with the last 30 days' leads, by country. */
    public List<RoutingRules.Preview> getPreviews() {
        return List.copyOf(previews().values());
    }

    /** How many of the last 30 days' leads a rule handed over (it came first among its market's rules that matched). */
    public long handedOverBy(RoutingRules.RuleView rule) {
        RoutingRules.Preview preview = previews().get(rule.country());
        return preview == null ? 0 : preview.byRule().getOrDefault(rule.id(), 0L);
    }

    private Map<String, RoutingRules.Preview> previews() {
        if (previews == null) {
            previews = new java.util.LinkedHashMap<>();
            routing.preview(user.caller()).forEach(p -> previews.put(p.country(), p));
        }
        return previews;
    }

    /** A rule's terms without its market, for the table. */
    public String terms(RoutingRules.RuleView rule) {
        String all = format.rule(terms(rule.country(), rule.product(), rule.signals(), rule.minSignals(), rule.minScore(),
                rule.sizeClasses()));
        return all.substring(all.indexOf(": ") + 2);
    }

    private static RoutingTerms terms(String country, String product, Set<BuyingSignal> signals, int minSignals,
                                      Integer minScore, Set<SizeClass> sizes) {
        return new RoutingTerms(country, product, signals, minSignals, minScore, sizes);
    }

    public void edit(RoutingRules.RuleView rule) {
        editing = rule.id();
        editingVersion = rule.version();
        country = rule.country();
        product = rule.product();
        signals = rule.signals().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        minSignals = rule.minSignals();
        minScore = rule.minScore();
        sizeClasses = rule.sizeClasses().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        draftPreview = null;
    }

    public void clear() {
        editing = null;
        editingVersion = null;
        country = null;
        product = null;
        signals = new ArrayList<>();
        minSignals = 1;
        minScore = null;
        sizeClasses = new ArrayList<>();
        draftPreview = null;
    }

    public void save() {
        try {
            if (editing == null) {
                routing.create(user.caller(), input(null));
            } else {
                routing.update(user.caller(), editing, input(editingVersion));
            }
            FacesMessages.info(editing == null ? "routing.created" : "routing.saved");
            clear();
            rules = null;
            previews = null;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("ruleForm", e);
        } catch (ConflictException e) {
            FacesMessages.refusal(e.code());
        } catch (NotFoundException e) {
            FacesMessages.error("routing.gone");
            clear();
            rules = null;
        }
    }

    public void delete(RoutingRules.RuleView rule) {
        try {
            routing.delete(user.caller(), rule.id());
            FacesMessages.info("routing.deleted");
        } catch (NotFoundException e) {
            FacesMessages.error("routing.gone");
        }
        if (rule.id() == (editing == null ? -1 : editing)) {
            clear();
        }
        rules = null;
        previews = null;
    }

    /** What the market's rules would hand over with the rule of the form in place: shown before saving. */
    public void preview() {
        try {
            String market = country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
            List<RoutingRules.RuleInput> draft = new ArrayList<>();
            getRules().stream().filter(r -> r.country().equals(market) && r.id() != (editing == null ? Long.MIN_VALUE : editing))
                    .forEach(r -> draft.add(new RoutingRules.RuleInput(r.country(), r.product(),
                            r.signals().stream().map(Enum::name).toList(), r.minSignals(), r.minScore(),
                            r.sizeClasses().stream().map(Enum::name).toList(), null)));
            draft.add(input(null));
            if (market == null || market.isEmpty()) {
                throw new InvalidInputException(List.of(new com.partnerportal.platform.FieldError("country", "required")));
            }
            draftPreview = routing.preview(user.caller(), market, draft);
        } catch (InvalidInputException e) {
            draftPreview = null;
            FacesMessages.fieldErrors("ruleForm", e);
        }
    }

    /** What the market's rules as kept hand over, beside the draft's preview. */
    public RoutingRules.Preview getKeptPreview() {
        return draftPreview == null ? null : previews().getOrDefault(draftPreview.country(),
                new RoutingRules.Preview(draftPreview.country(), draftPreview.leads(), draftPreview.decided(), 0, 0, Map.of()));
    }

    private RoutingRules.RuleInput input(Long version) {
        return new RoutingRules.RuleInput(country, product, signals, minSignals, minScore, sizeClasses, version);
    }

    public List<PointsRow> getPoints() {
        if (points == null) {
            Map<String, Integer> kept = new HashMap<>();
            routing.scoreRules(user.caller()).forEach(r -> kept.put(r.attribute() + ":" + r.code(), r.points()));
            points = new ArrayList<>();
            for (BuyingSignal s : BuyingSignal.values()) {
                points.add(row(kept, ScorePoints.Attribute.SIGNAL, s.name()));
            }
            for (SizeClass s : SizeClass.values()) {
                points.add(row(kept, ScorePoints.Attribute.SIZE_CLASS, s.name()));
            }
            catalog.codes(Catalog.PRODUCT).stream().sorted().forEach(p -> points.add(row(kept, ScorePoints.Attribute.PRODUCT, p)));
        }
        return points;
    }

    private static PointsRow row(Map<String, Integer> kept, ScorePoints.Attribute attribute, String code) {
        return new PointsRow(attribute, code, kept.getOrDefault(attribute + ":" + code, 0));
    }

    /** A line of the score rules by its name: a signal's, a size class's or a product's. */
    public String name(PointsRow row) {
        return switch (row.attribute) {
            case SIGNAL -> format.signal(row.code);
            case SIZE_CLASS -> format.text("field.sizeClass") + " " + format.size(row.code);
            case PRODUCT -> format.text("field.product") + " " + format.product(row.code);
            case DELIVERED -> row.code;
        };
    }

    public void savePoints() {
        try {
            routing.replaceScoreRules(user.caller(), points.stream()
                    .map(r -> new RoutingRules.ScoreRuleInput(r.attribute.name(), r.code, r.points)).toList());
            FacesMessages.info("routing.pointsSaved");
            points = null;
            previews = null;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("pointsForm", e);
        }
    }

    public List<String> getMarkets() {
        return List.copyOf(catalog.countries());
    }

    public List<String> getProducts() {
        return catalog.codes(Catalog.PRODUCT).stream().sorted().toList();
    }

    public List<BuyingSignal> getSignalChoices() {
        return List.of(BuyingSignal.values());
    }

    public List<SizeClass> getSizeChoices() {
        return List.copyOf(EnumSet.allOf(SizeClass.class));
    }

    public boolean isEditing() { return editing != null; }
    public RoutingRules.Preview getDraftPreview() { return draftPreview; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public List<String> getSignals() { return signals; }
    public void setSignals(List<String> signals) { this.signals = signals; }
    public Integer getMinSignals() { return minSignals; }
    public void setMinSignals(Integer minSignals) { this.minSignals = minSignals; }
    public Integer getMinScore() { return minScore; }
    public void setMinScore(Integer minScore) { this.minScore = minScore; }
    public List<String> getSizeClasses() { return sizeClasses; }
    public void setSizeClasses(List<String> sizeClasses) { this.sizeClasses = sizeClasses; }
}
