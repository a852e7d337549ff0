package com.partnerportal.cockpit;

import com.partnerportal.lead.Money;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** The campaigns and their cost, kept by the channel manager. */
@Stateless
public class Campaigns {

    /** Codes as marketing automation writes them into leads: letters, digits, dot, dash, underscore. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @PersistenceContext
    private EntityManager em;

    public List<Campaign.View> list(Caller caller) {
        manager(caller);
        return em.createQuery("select c from Campaign c order by c.startsOn desc, c.code", Campaign.class)
                .getResultList().stream().map(Campaign::toView).toList();
    }

    /** Creates or replaces the campaign {@code code}; true if it is new. */
    public Saved save(Caller caller, String code, Campaign.Input input) {
        manager(caller);
        Validation v = new Validation();
        String key = code == null ? null : code.strip();
        if (key == null || !CODE.matcher(key).matches()) {
            v.reject("code", "campaignCode");
        }
        Campaign.Input in = input == null ? new Campaign.Input(null, null, null, null) : input;
        String name = v.requireText("name", in.name(), 200);
        Money.Checked cost = in.cost() == null ? null : Money.check(v, "cost", in.cost());
        if (in.cost() == null) {
            v.reject("cost", "required");
        }
        LocalDate from = v.withinWindow("from", v.optionalDate("from", in.from()));
        LocalDate to = v.withinWindow("to", v.optionalDate("to", in.to()));
        if (from != null && to != null && to.isBefore(from)) {
            v.reject("to", "notBeforeFrom");
        }
        v.throwIfInvalid();
        Campaign campaign = em.find(Campaign.class, key);
        boolean created = campaign == null;
        if (created) {
            campaign = new Campaign(key);
            campaign.describe(name, cost, from, to);
            em.persist(campaign);
        } else {
            campaign.describe(name, cost, from, to);
        }
        return new Saved(campaign.toView(), created);
    }

    public record Saved(Campaign.View campaign, boolean created) {
    }

    private static void manager(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("Campaigns are the channel manager's");
        }
    }
}
