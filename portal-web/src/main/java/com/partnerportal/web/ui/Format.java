package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.MoveReason;
import com.partnerportal.lead.Money;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.platform.Clocks;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.Code;
import com.partnerportal.reference.Label;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way a code reaches a page: products, certifications, regions, partners, sizes, tiers,
 * states, activities and the reasons of the timeline read as their names in the page's language.
 * Times are shown in the portal's zone, money in the page's number format.
 */
@Named
@RequestScoped
public class Format {

    /** The zone people of the manufacturer and its partners live in ({@code portal.zone}). */
    static final ZoneId ZONE = Clocks.zone();

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private PartnerDirectory partners;

    @Inject
    private CurrentUser user;

    @Inject
    private PortalUsers users;

    private final Map<Catalog, Map<String, Label>> catalogues = new EnumMap<>(Catalog.class);
    private Map<String, RegionView> regions;
    private Map<String, String> partnerNames;
    private final Map<String, String> userNames = new HashMap<>();

    public String product(String code) {
        return label(Catalog.PRODUCT, code);
    }

    public String certification(String code) {
        return label(Catalog.CERTIFICATION, code);
    }

    public String returnReason(String code) {
        return label(Catalog.RETURN_REASON, code);
    }

    public String declineReason(String code) {
        return label(Catalog.DECLINE_REASON, code);
    }

    public String lossReason(String code) {
        return label(Catalog.LOSS_REASON, code);
    }

    /** "Hamburg" for {@code DE-HH}, "Österreich" for {@code AT}. */
    public String region(String code) {
        if (code == null) {
            return "";
        }
        RegionView region = regions().get(code);
        return region == null ? code : region.label().in(locale());
    }

    /** "Hamburg, Deutschland": a region with the country it lies in. */
    public String place(String regionCode) {
        RegionView region = regions().get(regionCode);
        if (region == null || region.isCountry()) {
            return region(regionCode);
        }
        return region(regionCode) + ", " + region(region.country());
    }

    public String products(Collection<String> codes) {
        return join(codes, this::product);
    }

    public String certifications(Collection<String> codes) {
        return join(codes, this::certification);
    }

    public String regions(Collection<String> codes) {
        return join(codes, this::region);
    }

    /**
     * A partner's name. A reseller reads the names of other partners as "another partner": which
     * partner had a lead before is the manufacturer's business.
     */
    public String partner(String key) {
        if (key == null) {
            return "";
        }
        var caller = user.caller();
        if (!caller.isManufacturer() && !key.equals(caller.partnerKey())) {
            return text("partner.another");
        }
        if (partnerNames == null) {
            partnerNames = partners.names();
        }
        return partnerNames.getOrDefault(key, key);
    }

    /** A user's name as the portal met them at sign-in; the username if it never did. */
    public String user(String username) {
        if (username == null) {
            return "";
        }
        return userNames.computeIfAbsent(username, u -> users.find(u).map(PortalUser.View::name).orElse(u));
    }

    public String size(Object size) {
        return size == null ? "" : text("size." + size);
    }

    public String sizes(Collection<?> sizes) {
        return join(sizes, this::size);
    }

    /** A buying signal's name: "Angebotsanfrage" for {@code QUOTE_REQUEST}. */
    public String signal(Object signal) {
        return signal == null ? "" : text("signal." + signal);
    }

    public String signals(Collection<?> signals) {
        return signals == null || signals.isEmpty() ? text("common.none") : join(signals, this::signal);
    }

    /** Why a lead has its score: "Angebotsanfrage +40 · Größe groß +20", or the source that delivered it. */
    public String scoreWhy(List<com.partnerportal.lead.ScorePoints> points) {
        if (points == null || points.isEmpty()) {
            return "";
        }
        return points.stream().map(p -> switch (p.attribute()) {
            case DELIVERED -> new MessageFormat(text("score.delivered"), locale()).format(new Object[] {source(p.code())});
            case SIGNAL -> signal(p.code()) + " " + signed(p.points());
            case SIZE_CLASS -> text("field.sizeClass") + " " + size(p.code()) + " " + signed(p.points());
            case PRODUCT -> product(p.code()) + " " + signed(p.points());
        }).collect(Collectors.joining(" · "));
    }

    private static String signed(int points) {
        return (points > 0 ? "+" : "") + points;
    }

    /** A routing rule's terms in the page's language: "Deutschland, alle Produkte: mindestens 2 Kaufsignale, Größe mittel oder groß". */
    public String rule(com.partnerportal.lead.RoutingTerms terms) {
        if (terms == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (terms.minSignals() > 0) {
            parts.add(new MessageFormat(text(terms.signals().isEmpty() ? "routing.terms.signals" : "routing.terms.signalsOf"),
                    locale()).format(new Object[] {terms.minSignals(), join(terms.signals(), this::signal)}));
        }
        if (terms.minScore() != null) {
            parts.add(new MessageFormat(text("routing.terms.score"), locale()).format(new Object[] {terms.minScore()}));
        }
        if (!terms.sizes().isEmpty()) {
            parts.add(new MessageFormat(text("routing.terms.sizes"), locale()).format(new Object[] {
                    terms.sizes().stream().map(this::size).collect(Collectors.joining(text("routing.terms.or")))}));
        }
        String market = region(terms.country()) + ", " + (terms.product() == null ? text("routing.allProducts") : product(terms.product()));
        return market + ": " + (parts.isEmpty() ? text("routing.terms.any") : String.join(", ", parts));
    }

    /** What the routing rules decided for a lead, in the page's language; empty when they did not decide. */
    public String routing(LeadView lead) {
        if (lead.routingOutcome() == null) {
            return "";
        }
        return lead.routingOutcome() == com.partnerportal.lead.RoutingVerdict.Outcome.HANDED_OVER
                ? new MessageFormat(text("routing.handedOver"), locale()).format(new Object[] {rule(lead.routingRule())})
                : text("routing.nurture");
    }

    public String tier(Object tier) {
        return tier == null ? "" : text("tier." + tier);
    }

    public String state(Object state) {
        return state == null ? "" : text("state." + state);
    }

    public String activity(Object kind) {
        return kind == null ? "" : text("activity." + kind);
    }

    /** Where a lead came from: "entered by hand" for {@code manual}; an unknown source as delivered. */
    public String source(String source) {
        return source == null ? "" : bundle().containsKey("source." + source) ? text("source." + source) : source;
    }

    /** Why a lead moved, in the page's language, with names for the codes it carries. */
    public String move(LeadView.TransitionView move) {
        if (move.reasonCode() == null) {
            return move.reason() == null ? "" : move.reason(); // recorded by an older version, as it was
        }
        List<MoveReason.Argument> kinds = move.reasonCode().arguments();
        Object[] values = new Object[kinds.size()];
        for (int i = 0; i < values.length; i++) {
            String value = move.reasonArguments().get(i);
            values[i] = switch (kinds.get(i)) {
                case SOURCE -> source(value);
                case PARTNER -> partner(value);
                case ACTIVITY -> activity(value);
                case RETURN_REASON -> returnReason(value);
                case LOSS_REASON -> lossReason(value);
                case REJECT_REASON -> label(Catalog.REJECT_REASON, value);
                case MONEY -> money(Money.parse(value));
                case RULE -> rule(com.partnerportal.lead.RoutingTerms.decode(value));
                case TEXT, NUMBER -> value;
            };
        }
        return new MessageFormat(text("move." + move.reasonCode().name()), locale()).format(values);
    }

    /** A match reason of a marketplace card: {@code REGION:DE-HH} → "Region Hamburg". */
    public String matchReason(String reason) {
        int colon = reason.indexOf(':');
        String code = colon < 0 ? reason : reason.substring(0, colon);
        String value = colon < 0 ? "" : reason.substring(colon + 1);
        String name = switch (code) {
            case "REGION", "COUNTRY" -> region(value);
            case "CERTIFICATION" -> certification(value);
            case "PRODUCT" -> product(value);
            case "SIZE" -> size(value);
            case "EARLY_ACCESS" -> tier(value);
            default -> value;
        };
        String label = text("reason." + code);
        return name.isEmpty() ? label : label + ": " + name;
    }

    /** A text of the bundle with one argument. */
    public String message(String key, Object argument) {
        return new MessageFormat(text(key), locale()).format(new Object[] {argument});
    }

    /** A text of the bundle with its arguments: {@code marketplace.upcoming} with a count and a time. */
    public String message(String key, Object first, Object second) {
        return new MessageFormat(text(key), locale()).format(new Object[] {first, second});
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(ZONE).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String money(Money money) {
        if (money == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(money.currency()));
        return format.format(new BigDecimal(money.amount()));
    }

    private String label(Catalog which, String code) {
        if (code == null) {
            return "";
        }
        Label label = catalogues.computeIfAbsent(which, c -> catalog.entries(c).stream()
                .collect(Collectors.toMap(Code::code, Code::label))).get(code);
        return label == null ? code : label.in(locale());
    }

    private Map<String, RegionView> regions() {
        if (regions == null) {
            regions = catalog.regions().stream().collect(Collectors.toMap(RegionView::code, Function.identity()));
        }
        return regions;
    }

    private static <T> String join(Collection<T> values, Function<T, String> name) {
        if (values == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(name.apply(value)));
        return String.join(", ", names);
    }

    /** A file's size as a reader takes it in: 850 kB, 2.4 MB. */
    public String bytes(Long size) {
        if (size == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMaximumFractionDigits(1);
        return size < 1024 * 1024 ? number.format(Math.max(1, Math.round(size / 1024.0))) + " kB"
                : number.format(size / (1024.0 * 1024.0)) + " MB";
    }

    /** Median and 90th percentile of a time in seconds; "–" when nothing was measured. */
    public String seconds(com.partnerportal.cockpit.CockpitSummary.Seconds seconds) {
        if (seconds == null || seconds.median() == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMaximumFractionDigits(1);
        return MessageFormat.format(text("cockpit.seconds"), number.format(seconds.median()), number.format(seconds.p90()));
    }

    public String hours(com.partnerportal.cockpit.CockpitSummary.Hours hours) {
        if (hours == null || hours.median() == null) {
            return "–";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale());
        number.setMaximumFractionDigits(1);
        return MessageFormat.format(text("cockpit.hours"), number.format(hours.median()), number.format(hours.p90()));
    }

    /** A ratio as percent: 3.1 → "310 %"; "–" for none. */
    public String percent(Double ratio) {
        if (ratio == null) {
            return "–";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale());
        return percent.format(ratio);
    }

    /** "3. Nov." / "Nov 3": a day without its year, for the axis of a chart. */
    public String shortDate(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern(locale().getLanguage().equals("de") ? "d. MMM" : "MMM d", locale())
                .format(date);
    }

    /** Why a lead waits for review, in the page's language, with the values the check found. */
    public String reviewReason(com.partnerportal.lead.ReviewReason reason) {
        Object[] values = reason.arguments().toArray();
        if (reason.code() == com.partnerportal.lead.ReviewCode.COUNTRY_MISMATCH && values.length > 0) {
            values[0] = text("review.field." + values[0]);
        }
        if (reason.code() == com.partnerportal.lead.ReviewCode.EXISTING_CUSTOMER && values.length > 1) {
            values[1] = "manufacturer".equals(values[1]) ? text("review.keyAccount") : partner((String) values[1]);
        }
        return new MessageFormat(text("review.detail." + reason.code().name()), locale()).format(values);
    }

    /** The name of a review reason's code: "Country mismatch". */
    public String reviewCode(Object code) {
        return code == null ? "" : text("review.code." + code);
    }

    /** A reject reason's name in the page's language. */
    public String rejectReason(String code) {
        return label(Catalog.REJECT_REASON, code);
    }

    /** A text of the bundle in the page's language. */
    public String text(String key) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    private static ResourceBundle bundle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg");
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }
}
