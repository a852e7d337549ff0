package com.partnerportal.marketplace;

import com.partnerportal.cockpit.CockpitChanges;
import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadMoves;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.MoveReason;
import com.partnerportal.lead.LeadView;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.privacy.ContactAudit;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * <p>The claim is the marketplace's hottest write, so a winning claim runs over plain JDBC, on the
 * transaction's connection: Hibernate's query set-up and entity loading cost more than the
 * statements themselves. Only a refused claim, which is rare, uses JPA to say why.
 */
@Stateless
public class ClaimService {

    @Inject
    private Declines declines;

    /**
     * Takes the lead if it is in the pool and this partner may take it now: the marketplace's rules,
     * the partner present, its tier's embargo over. One statement, so that a claim that wins costs
     * one round trip to decide.
     */
    private static final String TAKE_SQL = """
            update sales_lead l set state = 'CLAIMED', partner_key = :p, claimed_at = :now, assignee = :actor,
                                  first_claimed_at = coalesce(first_claimed_at, :now),
                                  reached_stage = case when reached_stage < 1 then 1 else reached_stage end,
                                  version = version + 1
            where l.id = :id and %s
              and exists (select 1 from partner t where t.partner_key = :p
                          and (t.absent_from is null or t.absent_from > :today or t.absent_until < :today)
                          and (t.tier = 'GOLD' and %s <= :now
                               or t.tier = 'SILVER' and %s <= :now
                               or t.tier = 'BRONZE' and %s <= :now))""".formatted(Marketplace.RULES,
            TierWindows.column(Tier.GOLD), TierWindows.column(Tier.SILVER), TierWindows.column(Tier.BRONZE));

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

    private static final NamedSql TAKE = new NamedSql(TAKE_SQL);

    /**
     * On PostgreSQL the claim's writes are one statement, the same steps as {@link #TAKE}, the move
     * and the read-back in that order: round trips to the database cost the claim more than its
     * statements do. The timeline is the stored moves and the one just made (a statement does not see
     * its own inserts). It marks the lead for the cockpit's kept figures ({@link CockpitChanges#MARK_SQL})
     * and records that the caller was shown the contact ({@link ContactAudit}).
     * No rows: the update took nothing, and nothing was written. {@link #COUNT_OPEN} follows.
     */
    private static final NamedSql CLAIM_IN_ONE_STATEMENT = new NamedSql("""
            with taken as (%s
                           returning l.*),
                 moved as (insert into lead_transition (lead_id, at, actor, from_state, to_state, reason)
                           select id, :now, :actor, 'PUBLISHED', 'CLAIMED', :reason from taken
                           returning id, at, actor, from_state, to_state, reason),
                 marked as (insert into cockpit_change (lead_id) select id from taken),
                 audited as (insert into personal_data_access (lead_id, at, username, partner_key, how)
                             select id, :now, :actor, :p, 'CLAIM' from taken)
            select %s
            from taken l left join (select m.id, m.at, m.actor, m.from_state, m.to_state, m.reason
                                    from lead_transition m where m.lead_id = :id
                                    union all select * from moved) t on true
            order by t.at, t.id""".formatted(TAKE_SQL, LeadHistory.VIEW_COLUMNS));

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private LeadMoves moves;

    @Inject
    private Clock clock;

    /** Whether the database is PostgreSQL, asked once per bean instance. */
    private Boolean postgres;

    /**
     * The conditional update takes the lead; only then does the partner count it as open, if it has
     * room, with its row locked until the commit: claims of one partner wait on each other for that
     * last step only, and never two pass the capacity together. So the claim is announced (and
     * whatever the announcement writes, such as the webhooks' outbox, is written) before that step, not
     * while the partner's other claims wait. A claim the update refuses is explained afterwards, from
     * the same rules in Java ({@link ClaimRules}). Returns the lead with its contact.
     */
    public LeadView claim(Caller caller, long leadId) {
        String partnerKey = caller.isReseller() ? caller.partnerKey() : null;
        if (partnerKey == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        Claim claim = new Claim(caller, partnerKey, leadId, clock.instant());
        try (Connection connection = database.getConnection()) {
            LeadView claimed = isPostgres(connection)
                    ? claimInOneStatement(connection, claim) : claimStepByStep(connection, claim);
            if (claimed == null) {
                throw refusal(caller, leadId, claim.now());
            }
            if (claimed.consentRequired() && !consentHolds(connection, claim)) {
                throw new AccessDeniedException("CONSENT", "The prospect has just withdrawn consent for your partner");
            }
            moves.claimed(claimed, partnerKey);
            if (COUNT_OPEN.update(connection, claim.values()) != 1) { // last: see above
                throw noRoom(caller);
            }
            return claimed.seenBy(caller);
        } catch (SQLException e) {
            throw new PersistenceException("The claim of lead " + leadId + " failed", e);
        }
    }

    /** The claim's writes in four statements, each a call into the embedded database; null when refused. */
    private LeadView claimStepByStep(Connection connection, Claim claim) throws SQLException {
        Map<String, Object> values = claim.values();
        if (TAKE.update(connection, values) != 1) {
            return null;
        }
        LeadHistory.record(connection, claim.leadId(), claim.now(), claim.caller().username(), LeadState.PUBLISHED,
                LeadState.CLAIMED, claim.reason());
        CockpitChanges.mark(connection, claim.leadId());
        ContactAudit.record(connection, values);
        return LeadHistory.view(connection, claim.leadId());
    }

    /** The claim in one round trip to PostgreSQL; null when refused. */
    private LeadView claimInOneStatement(Connection connection, Claim claim) throws SQLException {
        try (PreparedStatement statement = CLAIM_IN_ONE_STATEMENT.prepare(connection, claim.values());
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? LeadHistory.view(rows) : null;
        }
    }

    /**
     * Whether the prospect still allows the partner, read again after the lead was taken: a decision
     * locks the lead's row, so a refusal that committed while the claim waited for that row is seen
     * here, and rolls the claim back. (A refusal that comes after the claim takes the lead back.)
     */
    private static boolean consentHolds(Connection connection, Claim claim) throws SQLException {
        try (PreparedStatement select = CONSENT_HOLDS.prepare(connection, claim.values()); ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    private static final NamedSql CONSENT_HOLDS = new NamedSql("""
            select 1 from consent_current c where c.lead_id = :id and c.partner_key = :p and c.decision = 'ALLOWED'""");

    /** At capacity: the transaction rolls back the lead's update with this exception. */
    private AccessDeniedException noRoom(Caller caller) {
        PartnerView partner = directory.own(caller);
        return new AccessDeniedException("CAPACITY", "Your partner holds " + partner.openLeads()
                + " open leads, its capacity is " + partner.capacity() + ": close or return one first");
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = Databases.isPostgres(connection);
        }
        return postgres;
    }

    /** A rep's claim of a lead for its partner, at an instant. */
    private record Claim(Caller caller, String partnerKey, long leadId, Instant now) {

        String reason() {
            return MoveReason.CLAIMED.encode(partnerKey);
        }

        /** The parameters of the claim's statements, by name. */
        Map<String, Object> values() {
            return Map.of("p", partnerKey, "id", leadId, "now", now,
                    "today", LocalDate.ofInstant(now, ZoneOffset.UTC),
                    "actor", caller.username(), "reason", reason());
        }
    }

    /** Why the update took nothing: gone, taken by another partner, or a rule this partner fails. */
    private RuntimeException refusal(Caller caller, long leadId, Instant now) {
        PartnerView partner = directory.own(caller);
        LeadFacts lead = facts(leadId, partner.key());
        if (lead.state() != LeadState.PUBLISHED) {
            if (lead.publishedAt() == null || lead.partnerKey() == null) {
                return new NotFoundException("Lead " + leadId);
            }
            return partner.key().equals(lead.partnerKey())
                    ? new ConflictException("HELD", "Your partner has claimed this lead already: see My leads")
                    : new ConflictException("TAKEN", "Another partner has claimed this lead");
        }
        ClaimRules.Refusal refusal = ClaimRules.refusal(partner, lead, now, partner.openLeads());
        if (refusal == null) { // the lead or the partner changed between the update and this look
            return new ConflictException("CHANGED", "The lead changed while you claimed it: try again");
        }
        if (refusal.code().equals("RETURNED") && declines.declined(leadId, partner.key())) {
            return new AccessDeniedException("DECLINED", "Your partner declined this lead");
        }
        return new AccessDeniedException(refusal.code(), refusal.message());
    }

    /** What the claim checks, and whether this partner gave the lead back before, in one statement. */
    private LeadFacts facts(long leadId, String partnerKey) {
        List<?> rows = em.createNativeQuery("""
                        select l.state, l.partner_key, l.region, l.country, l.product, l.size_class,
                               l.required_certification, l.published_at, l.silver_from, l.bronze_from,
                               case when exists (select 1 from lead_exclusion e
                                                 where e.lead_id = l.id and e.partner_key = :p) then 1 else 0 end,
                               case when l.consent_required and not exists (select 1 from consent_current c
                                         where c.lead_id = l.id and c.partner_key = :p and c.decision = 'ALLOWED')
                                    then 1 else 0 end
                        from sales_lead l where l.id = :id""")
                .setParameter("id", leadId).setParameter("p", partnerKey).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Lead " + leadId);
        }
        Object[] r = (Object[]) rows.get(0);
        return new LeadFacts(leadId, LeadState.valueOf((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], Databases.instant(r[7]), Databases.instant(r[8]),
                Databases.instant(r[9]), ((Number) r[10]).intValue() == 1, ((Number) r[11]).intValue() == 1);
    }
}
