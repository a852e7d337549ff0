package com.partnerportal.consent;

import com.partnerportal.lead.Lead;
import com.partnerportal.lead.LeadMoves;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.MoveReason;
import com.partnerportal.marketplace.Marketplace;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prospect's consent per lead and partner. Every decision is appended to the ledger
 * ({@code consent_decision}) and never changed, so that each can be proven later: when, about which
 * partner, through which channel, after which text; the decision that holds now per partner
 * ({@code consent_current}) is what the marketplace and the claim read. A decision takes the lead's
 * row lock first, so that it and a claim of the same lead happen one after the other: a refusal of
 * the partner that holds the lead takes it back from that partner ({@code WITHDRAWN}) through the one
 * owner of moves, which frees its slot.
 */
@Stateless
public class Consents {

    /** The version of the consent text shown now. */
    public static final String TEXT_VERSION = "2026-12";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Marketplace marketplace;

    @Inject
    private com.partnerportal.lead.CustomerOwners owners;

    @Inject
    private LeadMoves moves;

    @Inject
    private Clock clock;

    @Inject
    private com.partnerportal.user.PortalUsers users;

    @Inject
    private com.partnerportal.notification.Notifications notifications;

    @Inject
    private com.partnerportal.platform.Mailer mailer;

    /** A decision as the channel manager records it, raw. */
    public record DecisionInput(String partner, String decision, String note) {
    }

    public ConsentsView view(Caller caller, long leadId) {
        channelManagerOnly(caller);
        Lead lead = em.find(Lead.class, leadId);
        if (lead == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        return view(lead);
    }

    /** The channel manager records what the prospect said (by phone, by letter), with a note saying so. */
    public ConsentsView record(Caller caller, long leadId, DecisionInput input) {
        channelManagerOnly(caller);
        DecisionInput in = input == null ? new DecisionInput(null, null, null) : input;
        Validation v = new Validation();
        String partner = v.requireText("partner", in.partner(), 40);
        Decision decision = in.decision() == null ? null : v.requireEnum("decision", in.decision().strip(), Decision.class);
        if (in.decision() == null) {
            v.reject("decision", "required");
        } else if (decision == Decision.NONE) {
            v.reject("decision", "oneOf", "ALLOWED, REFUSED");
        }
        String note = v.requireText("note", in.note(), 1000);
        v.throwIfInvalid();
        Lead lead = locked(leadId);
        if (((Number) em.createNativeQuery("select count(*) from partner where partner_key = :p")
                .setParameter("p", partner).getSingleResult()).longValue() == 0) {
            v.reject("partner", "unknownCode", partner);
            v.throwIfInvalid();
        }
        decide(lead, Map.of(partner, decision), ConsentChannel.CHANNEL_MANAGER, null, caller.username(), note);
        return view(lead);
    }

    /**
     * Records the prospect's decisions about these partners, as the channel says; a decision equal to
     * the one that holds is recorded too (the prospect confirmed it). Locks the lead.
     */
    public void decide(long leadId, Map<String, Decision> decisions, ConsentChannel channel, String textVersion,
                       String actor, String note) {
        decide(locked(leadId), decisions, channel, textVersion, actor, note);
    }

    private void decide(Lead lead, Map<String, Decision> decisions, ConsentChannel channel, String textVersion,
                        String actor, String note) {
        Instant now = clock.instant();
        for (Map.Entry<String, Decision> d : decisions.entrySet()) {
            em.createNativeQuery("""
                            insert into consent_decision (lead_id, partner_key, decision, channel, text_version, note, actor, at)
                            values (:lead, :partner, :decision, :channel, :text, :note, :actor, :at)""")
                    .setParameter("lead", lead.id()).setParameter("partner", d.getKey())
                    .setParameter("decision", d.getValue().name()).setParameter("channel", channel.name())
                    .setParameter("text", textVersion).setParameter("note", note).setParameter("actor", actor)
                    .setParameter("at", now).executeUpdate();
            int changed = em.createNativeQuery("""
                            update consent_current set decision = :decision, at = :at where lead_id = :lead and partner_key = :partner""")
                    .setParameter("lead", lead.id()).setParameter("partner", d.getKey())
                    .setParameter("decision", d.getValue().name()).setParameter("at", now).executeUpdate();
            if (changed == 0) {
                em.createNativeQuery("""
                                insert into consent_current (lead_id, partner_key, decision, at) values (:lead, :partner, :decision, :at)""")
                        .setParameter("lead", lead.id()).setParameter("partner", d.getKey())
                        .setParameter("decision", d.getValue().name()).setParameter("at", now).executeUpdate();
            }
            if (d.getValue() == Decision.REFUSED && d.getKey().equals(lead.partnerKey())
                    && LeadState.OPEN.contains(lead.state())) {
                moves.move(lead, LeadState.WITHDRAWN, actor, now, MoveReason.CONSENT_WITHDRAWN.encode(d.getKey()));
                tellLeadGone(d.getKey(), lead.id(), now);
            }
        }
    }

    /** The decisions that hold for a lead, by partner (no {@code NONE}). */
    public Map<String, Decision> decisions(long leadId) {
        List<Object[]> rows = em.createNativeQuery("select c.partner_key, c.decision from consent_current c where c.lead_id = :lead",
                Object[].class).setParameter("lead", leadId).getResultList();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        rows.forEach(r -> decisions.put((String) r[0], Decision.valueOf((String) r[1])));
        return decisions;
    }

    /**
     * Tells every user of the partner that the lead is gone (the prospect withdrew, or was erased), in the
     * portal and by mail in the user's language: its number and address in the portal, nothing of the prospect.
     */
    public void tellLeadGone(String partner, long leadId, Instant now) {
        for (com.partnerportal.user.PortalUser.View member : users.membersOf(partner)) {
            notifications.add(member.username(), com.partnerportal.notification.NotificationType.CONSENT_WITHDRAWN, leadId, now);
            if (member.email() != null) {
                ConsentMail mail = ConsentMail.leadGone(member.language(),
                        member.name() == null ? member.username() : member.name(), leadId);
                mailer.send(member.email(), mail.subject(), mail.text());
            }
        }
    }

    private ConsentsView view(Lead lead) {
        Map<String, ConsentsView.Current> current = new LinkedHashMap<>();
        for (Marketplace.Candidate partner : marketplace.fitting(lead.id())) {
            current.put(partner.key(), new ConsentsView.Current(partner.key(), partner.name(), partner.city(), partner.tier(),
                    Decision.NONE, null));
        }
        // the partner that owns the lead's company as a customer: the lead goes there once the prospect allows it
        owners.ownerOf(lead.emailDomain(), lead.companyKey(), lead.country()).ifPresent(owner -> {
            List<Object[]> partner = em.createNativeQuery("select p.name, p.city, p.tier from partner p where p.partner_key = :p",
                    Object[].class).setParameter("p", owner.partner()).getResultList();
            if (!partner.isEmpty()) {
                current.putIfAbsent(owner.partner(), new ConsentsView.Current(owner.partner(), (String) partner.get(0)[0],
                        (String) partner.get(0)[1], com.partnerportal.partner.Tier.valueOf((String) partner.get(0)[2]),
                        Decision.NONE, null));
            }
        });
        List<Object[]> decided = em.createNativeQuery("""
                        select c.partner_key, p.name, p.city, p.tier, c.decision, c.at
                        from consent_current c join partner p on p.partner_key = c.partner_key
                        where c.lead_id = :lead order by p.name""", Object[].class)
                .setParameter("lead", lead.id()).getResultList();
        for (Object[] r : decided) {
            current.put((String) r[0], new ConsentsView.Current((String) r[0], (String) r[1], (String) r[2],
                    com.partnerportal.partner.Tier.valueOf((String) r[3]), Decision.valueOf((String) r[4]),
                    Databases.instant(r[5])));
        }
        List<ConsentsView.Entry> ledger = new ArrayList<>();
        List<Object[]> entries = em.createNativeQuery("""
                        select at, partner_key, decision, channel, text_version, actor, note
                        from consent_decision where lead_id = :lead order by id""", Object[].class)
                .setParameter("lead", lead.id()).getResultList();
        for (Object[] r : entries) {
            ledger.add(new ConsentsView.Entry(Databases.instant(r[0]), (String) r[1], Decision.valueOf((String) r[2]),
                    ConsentChannel.valueOf((String) r[3]), (String) r[4], (String) r[5], (String) r[6]));
        }
        return new ConsentsView(lead.consentRequired(), new ArrayList<>(current.values()), ledger);
    }

    private Lead locked(long leadId) {
        Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        return lead;
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The prospect's consents are the channel manager's to see and record");
        }
    }
}
