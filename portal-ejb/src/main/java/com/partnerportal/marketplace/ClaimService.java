package com.partnerportal.marketplace;

import com.partnerportal.lead.Lead;
import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.LeadView;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A rep claims a lead for the partner. Exactly one claim wins, however many reps of however many
 * partners and app nodes try at once: the database decides with a conditional update, and only the
 * winner's answer carries the contact.
 *
 * <p>The claim is the marketplace's hottest write, so a winning claim runs its four statements
 * over plain JDBC, on the transaction's connection: Hibernate's query set-up and entity loading
 * cost more than the statements themselves. Only a refused claim, which is rare, uses JPA to say why.
 */
@Stateless
public class ClaimService {

    /**
     * Takes the lead if it is in the pool and this partner may take it now: the marketplace's rules,
     * the partner present, its tier's embargo over. One statement, so that a claim that wins costs
     * one round trip to decide.
     */
    private static final NamedSql TAKE = new NamedSql("""
            update sales_lead l set state = 'CLAIMED', partner_key = :p, claimed_at = :now, version = version + 1
            where l.id = :id and %s
              and exists (select 1 from partner t where t.partner_key = :p
                          and (t.absent_from is null or t.absent_from > :today or t.absent_until < :today)
                          and (t.tier = 'GOLD' and l.published_at <= :gold
                               or t.tier = 'SILVER' and l.published_at <= :silver
                               or t.tier = 'BRONZE' and l.published_at <= :bronze))""".formatted(Marketplace.RULES));

    /**
     * The partner counts the lead as open if it has room, and its row stays locked until the
     * transaction ends: of two claims at once, the second waits here and sees the first one's count.
     * An update rather than {@code select ... for update}: on PostgreSQL that would wait for the
     * key-share lock every claim's lead update holds on the partner row (its foreign key), and two
     * claims would deadlock.
     */
    private static final NamedSql COUNT_OPEN = new NamedSql("""
            update partner set open_leads = open_leads + 1
            where partner_key = :p and open_leads < capacity""");

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private Clock clock;

    /**
     * The conditional update takes the lead; only then does the partner count it as open, if it has
     * room, with its row locked until the commit: claims of one partner wait on each other for that
     * last step only, and never two pass the capacity together. A claim the update refuses is
     * explained afterwards, from the same rules in Java ({@link ClaimRules}). Returns the lead with
     * its contact.
     */
    public LeadView claim(Caller caller, long leadId) {
        String partnerKey = caller.isReseller() ? caller.partnerKey() : null;
        if (partnerKey == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        Instant now = clock.instant();
        try (Connection connection = database.getConnection()) {
            if (!take(connection, partnerKey, leadId, now)) {
                throw refusal(caller, leadId, now);
            }
            LeadHistory.record(connection, leadId, now, caller.username(), LeadState.PUBLISHED, LeadState.CLAIMED,
                    "claimed for " + partnerKey);
            LeadView claimed = LeadHistory.view(connection, leadId);
            // last, so that the partner's claims queue only for this and the commit
            if (COUNT_OPEN.update(connection, Map.of("p", partnerKey)) != 1) {
                PartnerView partner = directory.own(caller);
                throw new AccessDeniedException("CAPACITY", "Your partner holds " + partner.openLeads()
                        + " open leads, its capacity is " + partner.capacity() + ": close or return one first");
            }
            return claimed;
        } catch (SQLException e) {
            throw new PersistenceException("The claim of lead " + leadId + " failed", e);
        }
    }

    private static boolean take(Connection connection, String partnerKey, long leadId, Instant now) throws SQLException {
        TierPolicy tiers = TierPolicy.fromSettings();
        return TAKE.update(connection, Map.of("p", partnerKey, "id", leadId, "now", now,
                "today", LocalDate.ofInstant(now, ZoneOffset.UTC),
                "gold", now.minus(tiers.embargo(Tier.GOLD)),
                "silver", now.minus(tiers.embargo(Tier.SILVER)),
                "bronze", now.minus(tiers.embargo(Tier.BRONZE)))) == 1;
    }

    /** Why the update took nothing: gone, taken by another partner, or a rule this partner fails. */
    private RuntimeException refusal(Caller caller, long leadId, Instant now) {
        PartnerView partner = directory.own(caller);
        LeadFacts lead = facts(leadId, partner.key());
        if (lead.state() != LeadState.PUBLISHED) {
            if (lead.publishedAt() != null && lead.partnerKey() != null) {
                return new ConflictException("TAKEN", "Another partner has claimed this lead");
            }
            return new NotFoundException("Lead " + leadId);
        }
        ClaimRules.Refusal refusal = ClaimRules.refusal(partner, lead, now, TierPolicy.fromSettings(),
                partner.openLeads());
        if (refusal == null) { // the lead or the partner changed between the update and this look
            return new ConflictException("CHANGED", "The lead changed while you claimed it: try again");
        }
        return new AccessDeniedException(refusal.code(), refusal.message());
    }

    /** What the claim checks, and whether this partner gave the lead back before, in one statement. */
    private LeadFacts facts(long leadId, String partnerKey) {
        List<?> rows = em.createNativeQuery("""
                        select l.state, l.partner_key, l.region, l.country, l.product, l.size_class,
                               l.required_certification, l.published_at,
                               case when exists (select 1 from lead_exclusion e
                                                 where e.lead_id = l.id and e.partner_key = :p) then 1 else 0 end
                        from sales_lead l where l.id = :id""")
                .setParameter("id", leadId).setParameter("p", partnerKey).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Lead " + leadId);
        }
        Object[] r = (Object[]) rows.get(0);
        return new LeadFacts(leadId, LeadState.valueOf((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : Marketplace.instant(r[7]),
                ((Number) r[8]).intValue() == 1);
    }
}
