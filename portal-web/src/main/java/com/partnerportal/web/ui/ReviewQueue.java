package com.partnerportal.web.ui;

import com.partnerportal.intake.MarketChecks;
import com.partnerportal.intake.Review;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewDecision;
import com.partnerportal.lead.ReviewReason;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Page;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.Code;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The review queue (seed 004's "Prüfstelle"): the leads held at intake, how many each reason holds
 * and from which sources, one lead's data to correct with the reviewer's checklist (seed 001) and
 * the decision, decisions for many rows at once, and which checks each market runs.
 */
@Named
@ViewScoped
public class ReviewQueue implements Serializable {

    /** The columns a reviewer corrects on this page, in the order shown. */
    public static final List<String> CORRECTABLE = List.of("companyName", "country", "region", "firstName", "lastName",
            "email", "phone", "postalCode", "city");
    /** Seed 001's questions before a lead goes to sales. */
    public static final List<String> CHECKLIST = List.of("channel", "complete", "serious", "sensible", "newCustomer", "interest");
    private static final int PAGE_SIZE = 50;

    @Inject
    private Review review;

    @Inject
    private MarketChecks checks;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private Format format;

    @Inject
    private CurrentUser user;

    private ReviewCode reason;
    private Page<Review.Item> page;
    private List<Review.ReasonCount> counts;
    private List<Review.Item> selected = new ArrayList<>();
    private String bulkReason;

    private Review.Item current;
    private final Map<String, String> corrections = new LinkedHashMap<>();
    private final Map<String, Boolean> checklist = new HashMap<>();
    private String decision = ReviewDecision.RELEASE.name();
    private String reasonCode;
    private Long into;
    private String partner;
    private String note;

    private List<MarketChecks.Switch> switches;
    private final Map<String, Boolean> active = new HashMap<>();

    public Page<Review.Item> getPage() {
        if (page == null) {
            page = review.queue(user.caller(), reason, new Page.Request(0, PAGE_SIZE));
        }
        return page;
    }

    public List<Review.ReasonCount> getCounts() {
        if (counts == null) {
            counts = review.counts(user.caller());
        }
        return counts;
    }

    /** Shows the leads of one reason, or all again. */
    public void filter(ReviewCode code) {
        reason = Objects.equals(reason, code) ? null : code;
        page = null;
        selected = new ArrayList<>();
    }

    /** Opens one lead for the decision, its correctable data filled in. */
    public void open(Review.Item item) {
        current = item;
        corrections.clear();
        checklist.clear();
        corrections.put("companyName", item.companyName());
        corrections.put("country", item.country());
        corrections.put("region", item.region());
        corrections.put("email", item.email());
        corrections.put("phone", item.phone());
        decision = item.reviewReasons().stream().anyMatch(r -> r.code() == ReviewCode.EXISTING_CUSTOMER)
                ? ReviewDecision.ROUTE_TO_OWNER.name() : ReviewDecision.RELEASE.name();
        reasonCode = null;
        into = item.reviewReasons().stream().filter(r -> r.candidates() != null).flatMap(r -> r.candidates().stream())
                .findFirst().orElse(null);
        partner = null;
        note = null;
    }

    public void close() {
        current = null;
    }

    /** Decides about the open lead with the corrections the reviewer changed. */
    public void decide() {
        Map<String, String> changed = new LinkedHashMap<>();
        corrections.forEach((column, value) -> {
            if (!Objects.equals(blankToNull(value), blankToNull(original(column)))) {
                changed.put(column, value);
            }
        });
        try {
            LeadView lead = review.decide(user.caller(), current.id(), new Review.DecisionInput(decision, into, reasonCode,
                    partner, note, changed));
            FacesMessages.info("review.decided", current.companyName(), format.state(lead.state()));
            current = null;
            refresh();
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("decision", e);
        } catch (ConflictException e) {
            FacesMessages.refusal(e.code());
            current = null;
            refresh();
        }
    }

    /** The same decision for every selected lead, each on its own: one that is no longer held is skipped. */
    public void decideSelected(String bulkDecision) {
        int done = 0;
        int skipped = 0;
        for (Review.Item item : selected) {
            try {
                review.decide(user.caller(), item.id(), new Review.DecisionInput(bulkDecision, null,
                        ReviewDecision.REJECT.name().equals(bulkDecision) ? bulkReason : null, null, null, Map.of()));
                done++;
            } catch (InvalidInputException e) {
                FacesMessages.fieldErrors("queue", e);
                return;
            } catch (ConflictException e) {
                skipped++;
            }
        }
        FacesMessages.info("review.bulkDone", done, skipped);
        selected = new ArrayList<>();
        refresh();
    }

    /** Reads the queue again; a reason whose last lead was just decided no longer narrows it. */
    private void refresh() {
        page = null;
        counts = null;
        if (reason != null && getCounts().stream().noneMatch(c -> c.code() == reason)) {
            reason = null;
        }
    }

    private String original(String column) {
        return switch (column) {
            case "companyName" -> current.companyName();
            case "country" -> current.country();
            case "region" -> current.region();
            case "email" -> current.email();
            case "phone" -> current.phone();
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The reasons of a lead, in the page's language. */
    public String reasons(List<ReviewReason> reasons) {
        return String.join(" · ", reasons.stream().map(format::reviewReason).toList());
    }

    public List<Code> getRejectReasons() {
        return catalog.entries(Catalog.REJECT_REASON).stream().filter(Code::active).toList();
    }

    public List<MarketChecks.Switch> getSwitches() {
        if (switches == null) {
            switches = checks.list(user.caller());
            active.clear();
            switches.forEach(s -> active.put(s.country() + ":" + s.code(), s.active()));
        }
        return switches;
    }

    /** The checks that can be switched, one row each, with a switch per market. */
    public List<ReviewCode> getCheckCodes() {
        return getSwitches().stream().map(MarketChecks.Switch::code).distinct().toList();
    }

    public List<String> getMarkets() {
        return getSwitches().stream().map(MarketChecks.Switch::country).distinct().toList();
    }

    public Map<String, Boolean> getActive() {
        return active;
    }

    /** Saves a market's switch of a check as the channel manager just set it. */
    public void switchCheck(String country, ReviewCode code) {
        boolean on = Boolean.TRUE.equals(active.get(country + ":" + code));
        checks.save(user.caller(), country, code.name(), new MarketChecks.SwitchInput(on));
        FacesMessages.info(on ? "review.checkOn" : "review.checkOff", format.reviewCode(code), format.place(country));
        switches = null;
    }

    public List<String> getCorrectable() {
        return CORRECTABLE.subList(0, 5);
    }

    public List<String> getChecklistQuestions() {
        return CHECKLIST;
    }

    public ReviewDecision[] getDecisions() {
        return ReviewDecision.values();
    }

    public ReviewCode getReason() { return reason; }
    public Review.Item getCurrent() { return current; }
    public Map<String, String> getCorrections() { return corrections; }
    public Map<String, Boolean> getChecklist() { return checklist; }
    public List<Review.Item> getSelected() { return selected; }
    public void setSelected(List<Review.Item> selected) { this.selected = selected; }
    public String getBulkReason() { return bulkReason; }
    public void setBulkReason(String bulkReason) { this.bulkReason = bulkReason; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getReasonCode() { return reasonCode; }
    public void setReasonCode(String reasonCode) { this.reasonCode = reasonCode; }
    public Long getInto() { return into; }
    public void setInto(Long into) { this.into = into; }
    public String getPartner() { return partner; }
    public void setPartner(String partner) { this.partner = partner; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
