package com.partnerportal.marketplace;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the cards of a market (a country) name the company before the claim. Hidden by default:
 * a partner who reads the name can call the company and bypass the marketplace. The channel manager
 * turns names on where that risk is accepted; the feed reads the setting in its card statement.
 */
@Stateless
public class MarketCards {

    /** A market and whether its cards name the company. */
    public record Market(String country, boolean companyNameOnCards) {
    }

    /** The setting as the channel manager sends it, raw. */
    public record MarketInput(Boolean companyNameOnCards) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReferenceCatalog catalog;

    /** Every market of the region catalogue, with its setting. */
    public List<Market> list(Caller caller) {
        channelManagerOnly(caller);
        Set<String> shown = new TreeSet<>(em.createNativeQuery(
                "select m.country from market_card m where m.company_name_shown", String.class).getResultList());
        return countries().stream().map(country -> new Market(country, shown.contains(country))).toList();
    }

    /** Turns the company's name on the cards of a market on or off. */
    public Market save(Caller caller, String country, MarketInput input) {
        channelManagerOnly(caller);
        Validation v = new Validation();
        String market = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!countries().contains(market)) {
            v.reject("country", "unknownCode", market);
        }
        Boolean shown = input == null ? null : input.companyNameOnCards();
        if (shown == null) {
            v.reject("companyNameOnCards", "required");
        }
        v.throwIfInvalid();
        if (em.createNativeQuery("update market_card set company_name_shown = :shown where country = :country")
                .setParameter("shown", shown).setParameter("country", market).executeUpdate() == 0) {
            em.createNativeQuery("insert into market_card (country, company_name_shown) values (:country, :shown)")
                    .setParameter("shown", shown).setParameter("country", market).executeUpdate();
        }
        return new Market(market, shown);
    }

    private Set<String> countries() {
        return catalog.countries();
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The channel manager decides what cards show");
        }
    }
}
