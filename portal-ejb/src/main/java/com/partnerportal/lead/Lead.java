package com.partnerportal.lead;

import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A lead and the personal data of its contact. Every change of state goes through {@link LeadMoves}. */
@Entity
@Table(name = "sales_lead")
public class Lead {

    /** From a sequence in blocks of 50 (migration 25): the leads of an import's chunk go in one batch. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lead_ids")
    @jakarta.persistence.SequenceGenerator(name = "lead_ids", sequenceName = "sales_lead_ids", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadState state;

    @Column(nullable = false)
    private String source;
    @Column(name = "external_id", nullable = false)
    private String externalId;
    private String campaign;

    @Column(name = "company_name", nullable = false)
    private String companyName;
    @Enumerated(EnumType.STRING)
    @Column(name = "size_class", nullable = false)
    private SizeClass sizeClass;
    private String industry;
    @Column(nullable = false)
    private String country;
    @Column(nullable = false)
    private String region;

    @Column(name = "contact_first_name")
    private String contactFirstName;
    @Column(name = "contact_last_name")
    private String contactLastName;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "contact_street")
    private String contactStreet;
    @Column(name = "contact_postal_code")
    private String contactPostalCode;
    @Column(name = "contact_city")
    private String contactCity;

    @Column(nullable = false)
    private String product;
    @Column(name = "required_certification")
    private String requiredCertification;
    @Column(name = "revenue_amount", precision = 14, scale = 2)
    private BigDecimal revenueAmount;
    @Column(name = "revenue_currency")
    private String revenueCurrency;
    private int score;
    @Column(name = "buying_signals")
    private String buyingSignals;
    /** The buying signals as codes ({@link BuyingSignal#encode}). */
    private String signals;
    /** Why the lead has its score ({@link ScorePoints#encode}). */
    @Column(name = "score_reasons")
    private String scoreReasons;
    /** What the market's routing rules decided ({@link RoutingVerdict.Outcome}), null when they did not decide. */
    @Enumerated(EnumType.STRING)
    @Column(name = "routing_outcome")
    private RoutingVerdict.Outcome routingOutcome;
    /** The terms of the rule that handed the lead over, as they were then ({@link RoutingTerms#encode}). */
    @Column(name = "routing_rule")
    private String routingRule;

    @Column(name = "handover_reason")
    private String handoverReason;
    @Column(name = "prospect_asked")
    private String prospectAsked;
    private String promised;
    @Column(name = "next_step")
    private String nextStep;
    /** What the reviewer noted at the decision on a lead held for review. */
    @Column(name = "review_note")
    private String reviewNote;

    /** What the intake compares the lead by ({@link LeadRules.Keys}), kept in step with the fields. */
    @Column(name = "company_key")
    private String companyKey;
    @Column(name = "company_block")
    private String companyBlock;
    @Column(name = "email_key")
    private String emailKey;
    @Column(name = "phone_key")
    private String phoneKey;

    @Column(name = "partner_key")
    private String partnerKey;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;
    @Column(name = "escalated_at")
    private Instant escalatedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    private String assignee;
    @Column(name = "expected_revenue_amount", precision = 14, scale = 2)
    private BigDecimal expectedRevenueAmount;
    @Column(name = "expected_revenue_currency")
    private String expectedRevenueCurrency;
    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;
    @Column(name = "follow_up_at")
    private Instant followUpAt;
    /** The follow-up time whose reminder went out: set only by {@link FollowUpMarks}' conditional update, never flushed. */
    @Column(name = "follow_up_reminded", insertable = false, updatable = false)
    private Instant followUpReminded;
    @Column(name = "loss_reason_code")
    private String lossReasonCode;
    @Column(name = "loss_comment")
    private String lossComment;
    @Column(name = "won_revenue_amount", precision = 14, scale = 2)
    private BigDecimal wonRevenueAmount;
    @Column(name = "won_revenue_currency")
    private String wonRevenueCurrency;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "reached_stage", nullable = false)
    private int reachedStage;
    @Column(name = "first_contact_at")
    private Instant firstContactAt;
    @Column(name = "first_claimed_at")
    private Instant firstClaimedAt;

    @Version
    private long version;

    /** Whether a partner needs the prospect's consent to see the lead: set at intake, from its source and country. */
    @Column(name = "consent_required")
    private boolean consentRequired;

    /** When the prospect's personal data was erased (GDPR Art. 17); null while it is kept. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Lead() {
    }

    Lead(LeadRules.Checked checked, LeadState initial, boolean consentRequired, Instant now) {
        this.source = checked.source();
        this.externalId = checked.externalId();
        this.createdAt = now;
        this.consentRequired = consentRequired;
        describe(checked);
        this.state = initial;
    }

    void describe(LeadRules.Checked c) {
        campaign = c.campaign();
        companyName = c.companyName();
        sizeClass = c.sizeClass();
        industry = c.industry();
        country = c.country();
        region = c.region();
        LeadInput.Contact contact = c.contact();
        contactFirstName = contact.firstName();
        contactLastName = contact.lastName();
        contactEmail = contact.email();
        contactPhone = contact.phone();
        contactStreet = contact.street();
        contactPostalCode = contact.postalCode();
        contactCity = contact.city();
        product = c.product();
        requiredCertification = c.requiredCertification();
        revenueAmount = c.revenueAmount();
        revenueCurrency = c.revenueCurrency();
        score = c.score() == null ? 0 : c.score();
        buyingSignals = c.buyingSignals();
        signals = BuyingSignal.encode(c.signals());
        LeadInput.Handover handover = c.handover();
        handoverReason = handover == null ? null : handover.reason();
        prospectAsked = handover == null ? null : handover.prospectAsked();
        promised = handover == null ? null : handover.promised();
        nextStep = handover == null ? null : handover.nextStep();
        LeadRules.Keys keys = c.keys();
        companyKey = keys.company();
        companyBlock = CompanyName.block(keys.company());
        emailKey = keys.email();
        phoneKey = keys.phone();
    }

    /** The lead's score as the intake computed it, and what the routing rules of its market decided. */
    void route(RoutingVerdict verdict) {
        score = verdict.score();
        scoreReasons = ScorePoints.encode(verdict.points());
        routingOutcome = verdict.outcome();
        routingRule = verdict.rule() == null ? null : verdict.rule().encode();
    }

    /** The lead goes to {@code partner} without the pool (a lead of its customer): it holds it from {@code now}. */
    void handTo(String partner, Instant now) {
        partnerKey = partner;
        claimedAt = now;
        firstClaimedAt = now;
        reached(LeadState.CLAIMED, now);
    }

    /** A lead of the same person was merged into this one: its contact fills what this one lacks. */
    void fillContactFrom(Lead other) {
        if (erasedAt != null) {
            return;
        }
        contactFirstName = contactFirstName != null ? contactFirstName : other.contactFirstName;
        contactLastName = contactLastName != null ? contactLastName : other.contactLastName;
        contactEmail = contactEmail != null ? contactEmail : other.contactEmail;
        emailKey = emailKey != null ? emailKey : other.emailKey;
        contactPhone = contactPhone != null ? contactPhone : other.contactPhone;
        phoneKey = phoneKey != null ? phoneKey : other.phoneKey;
        contactStreet = contactStreet != null ? contactStreet : other.contactStreet;
        contactPostalCode = contactPostalCode != null ? contactPostalCode : other.contactPostalCode;
        contactCity = contactCity != null ? contactCity : other.contactCity;
    }

    /** The reviewer's note at a decision. */
    void noteReview(String note) {
        reviewNote = note;
    }

    /** Moves to {@code next} if the state machine allows it; for {@link LeadMoves} only. */
    LeadState moveTo(LeadState next) {
        if (!state.canMoveTo(next)) {
            throw new ConflictException("ILLEGAL_TRANSITION", "A lead in state " + state + " cannot become " + next);
        }
        LeadState from = state;
        state = next;
        return from;
    }

    /** The lead reached {@code stage}: the furthest stage of the pipeline it got to, for the cockpit. */
    void reached(LeadState stage, Instant at) {
        reachedStage = Math.max(reachedStage, LeadState.reachedRank(stage));
        if (LeadState.reachedRank(stage) >= LeadState.reachedRank(LeadState.CONTACTED)) {
            contactedAt(at);
        }
    }

    /** The prospect was contacted at {@code at}: the first time counts. */
    void contactedAt(Instant at) {
        if (firstContactAt == null || at.isBefore(firstContactAt)) {
            firstContactAt = at;
        }
    }

    /** Readies the lead for the pool, before it moves there: it needs a handover protocol. */
    public Instant publishedAt() {
        return publishedAt;
    }

    void openToPool(Instant now) {
        if (!hasHandover()) {
            throw new ConflictException("HANDOVER_MISSING", "A lead is published only with a handover protocol saying why");
        }
        publishedAt = now;
        partnerKey = null;
        claimedAt = null;
        // a new round in the pool: the cockpit counts how far it gets from here, with the next partner
        reachedStage = 0;
        firstClaimedAt = null;
        firstContactAt = null;
    }

    /** The holding partner did something with the lead at {@code at}. */
    void touch(Instant at) {
        if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
    }

    /** The partner lets go of the lead (returned, recalled): it waits for the channel manager, its pipeline cleared. */
    void release() {
        partnerKey = null;
        claimedAt = null;
        lastActivityAt = null;
        assignee = null;
        followUpAt = null;
        expectedRevenueAmount = null;
        expectedRevenueCurrency = null;
        expectedCloseDate = null;
    }

    /** Who of the holding partner works the lead. */
    void assignTo(String username) {
        assignee = username;
    }

    void expectRevenue(Money.Checked revenue) {
        expectedRevenueAmount = revenue == null ? null : revenue.amount();
        expectedRevenueCurrency = revenue == null ? null : revenue.currency();
    }

    void expectCloseOn(LocalDate date) {
        expectedCloseDate = date;
    }

    void followUpAt(Instant at) {
        followUpAt = at;
    }

    /** The deal is won for {@code revenue}: nothing left to follow up. */
    void won(Money.Checked revenue, Instant at) {
        wonRevenueAmount = revenue.amount();
        wonRevenueCurrency = revenue.currency();
        closedAt = at;
        followUpAt = null;
    }

    /** The deal is lost, for a reason of the catalogue and a comment beside it: nothing left to follow up. */
    void lost(String reasonCode, String comment, Instant at) {
        lossReasonCode = reasonCode;
        lossComment = comment;
        closedAt = at;
        followUpAt = null;
    }

    void setHandover(LeadInput.Handover handover) {
        handoverReason = handover.reason();
        prospectAsked = handover.prospectAsked();
        promised = handover.promised();
        nextStep = handover.nextStep();
    }

    boolean hasHandover() {
        return handoverReason != null && !handoverReason.isBlank();
    }

    public Long id() {
        return id;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    /**
     * Erases the prospect's personal data from the lead: the contact, and every free text that may
     * name the prospect (handover protocol, buying signals, review note, loss comment). The company,
     * the market, the product and the money stay, for the anonymous numbers.
     */
    public void erase(Instant at) {
        contactFirstName = null;
        contactLastName = null;
        contactEmail = null;
        contactPhone = null;
        contactStreet = null;
        contactPostalCode = null;
        contactCity = null;
        handoverReason = null;
        prospectAsked = null;
        promised = null;
        nextStep = null;
        buyingSignals = null;
        reviewNote = null;
        lossComment = null;
        emailKey = null;
        phoneKey = null;
        erasedAt = at;
    }

    /** What identifies the prospect: the full name, e-mail and phone, those that are stored. */
    public java.util.List<String> prospectIdentifiers() {
        java.util.List<String> values = new java.util.ArrayList<>();
        String name = ((contactFirstName == null ? "" : contactFirstName) + " "
                + (contactLastName == null ? "" : contactLastName)).strip();
        for (String value : new String[] {name, contactEmail, contactPhone}) {
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return values;
    }

    public boolean consentRequired() {
        return consentRequired;
    }

    public LeadState state() {
        return state;
    }

    public String partnerKey() {
        return partnerKey;
    }

    Instant claimedAt() {
        return claimedAt;
    }

    String assignee() {
        return assignee;
    }

    Instant followUpAt() {
        return followUpAt;
    }

    long version() {
        return version;
    }

    public String source() {
        return source;
    }

    public String country() {
        return country;
    }

    /** The company's folded name, as the customer master and the duplicates compare it. */
    public String companyKey() {
        return companyKey;
    }

    /** The domain of the contact's e-mail (folded), or null. */
    public String emailDomain() {
        return emailKey == null || emailKey.indexOf('@') < 0 ? null : emailKey.substring(emailKey.indexOf('@') + 1);
    }

    String region() {
        return region;
    }

    public String externalId() {
        return externalId;
    }
}
