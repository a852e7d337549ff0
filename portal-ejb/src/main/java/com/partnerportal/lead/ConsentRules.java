package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a lead needs the prospect's consent before any partner may see it, from its source and
 * country: the channel manager keeps rules for a source, a country, or a source in a country
 * ({@code *} for any), and the most specific rule decides (source and country, then source, then
 * country); without a rule a lead needs none. A lead learns it at intake and keeps it: a later rule
 * changes the leads that come after it.
 */
@Stateless
public class ConsentRules {

    /** Any source, or any country. */
    public static final String ANY = "*";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|\\*");

    public record Rule(String source, String country, boolean required) {
    }

    /** A rule as the channel manager sends it, raw. */
    public record RuleInput(String source, String country, Boolean required) {
    }

    @jakarta.inject.Inject
    private com.partnerportal.platform.TransactionMemo memo;

    @PersistenceContext
    private EntityManager em;

    public boolean required(String source, String country) {
        return memo.get(List.of("consent-required", String.valueOf(source), String.valueOf(country)),
                () -> requiredByRules(source, country));
    }

    /** Read without writing the transaction's pending leads first: rules are not written with leads. */
    private boolean requiredByRules(String source, String country) {
        List<?> rows = em.createNativeQuery("""
                        select r.required from consent_rule r
                        where r.source in (:source, '*') and r.country in (:country, '*')
                        order by case when r.source = '*' then 1 else 0 end, case when r.country = '*' then 1 else 0 end""")
                .setParameter("source", source == null ? ANY : source)
                .setParameter("country", country == null ? ANY : country).setMaxResults(1)
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    /**
     * Whether {@code partner} may have the lead's contact: the lead needs no consent, or its prospect
     * allowed that partner. A lead of a partner's customer goes to that partner only so.
     */
    public boolean allows(Lead lead, String partner) {
        if (!lead.consentRequired()) {
            return true;
        }
        return !em.createNativeQuery("select 1 from consent_current c where c.lead_id = :lead"
                        + " and c.partner_key = :partner and c.decision = 'ALLOWED'")
                .setParameter("lead", lead.id()).setParameter("partner", partner).getResultList().isEmpty();
    }

    public List<Rule> list(Caller caller) {
        channelManagerOnly(caller);
        List<Object[]> rows = em.createNativeQuery(
                "select r.source, r.country, r.required from consent_rule r order by r.source, r.country", Object[].class)
                .getResultList();
        return rows.stream().map(r -> new Rule((String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]))).toList();
    }

    /** A rule as stored, and whether it is new. */
    public record Saved(Rule rule, boolean created) {
    }

    /** Creates or changes the rule of a source and country. */
    public Saved save(Caller caller, RuleInput input) {
        channelManagerOnly(caller);
        Validation v = new Validation();
        RuleInput in = input == null ? new RuleInput(null, null, null) : input;
        String source = v.requireText("source", in.source(), 100);
        String country = in.country() == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (country == null || country.isEmpty()) {
            v.reject("country", "required");
        } else if (!COUNTRY.matcher(country).matches()) {
            v.reject("country", "countryOrAny");
        }
        if (in.required() == null) {
            v.reject("required", "required");
        }
        v.throwIfInvalid();
        boolean created = em.createNativeQuery("update consent_rule set required = :required where source = :source and country = :country")
                .setParameter("required", in.required()).setParameter("source", source).setParameter("country", country)
                .executeUpdate() == 0;
        if (created) {
            em.createNativeQuery("insert into consent_rule (source, country, required) values (:source, :country, :required)")
                    .setParameter("required", in.required()).setParameter("source", source).setParameter("country", country)
                    .executeUpdate();
        }
        return new Saved(new Rule(source, country, in.required()), created);
    }

    public void delete(Caller caller, String source, String country) {
        channelManagerOnly(caller);
        int deleted = em.createNativeQuery("delete from consent_rule where source = :source and country = :country")
                .setParameter("source", source).setParameter("country", country == null ? null : country.toUpperCase(Locale.ROOT))
                .executeUpdate();
        if (deleted == 0) {
            throw new NotFoundException("Consent rule " + source + "/" + country);
        }
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The channel manager keeps the consent rules");
        }
    }
}
