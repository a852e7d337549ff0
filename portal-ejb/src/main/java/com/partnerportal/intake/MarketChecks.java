package com.partnerportal.intake;

import com.partnerportal.lead.ReviewCode;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of the intake's checks hold a market's leads for review: all of them, until the channel
 * manager switches one off for a country (a market whose web form has no phone field, a market
 * where free-mail addresses are how small companies write).
 */
@Stateless
public class MarketChecks {

    /** A market's switch of one check. */
    public record Switch(String country, ReviewCode code, boolean active) {
    }

    /** The switch as the channel manager sends it, raw. */
    public record SwitchInput(Boolean active) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private com.partnerportal.platform.TransactionMemo memo;

    /** The checks that hold leads of {@code country} for review. */
    public Set<ReviewCode> active(String country) {
        return memo.get(java.util.List.of("market-checks", String.valueOf(country)), () -> activeNow(country));
    }

    /** Read without writing the transaction's pending leads first: switches are not written with leads. */
    private Set<ReviewCode> activeNow(String country) {
        Set<ReviewCode> active = EnumSet.allOf(ReviewCode.class);
        em.createNativeQuery("select code from market_check where country = :country and not active", String.class)
                .setParameter("country", country).setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList().stream()
                .forEach(code -> active.remove(ReviewCode.valueOf((String) code)));
        return active;
    }

    /** Every market's switch of every check that can be switched. */
    public List<Switch> list(Caller caller) {
        channelManagerOnly(caller);
        Set<String> off = new java.util.HashSet<>(em.createNativeQuery(
                "select country || ':' || code from market_check where not active", String.class).getResultList());
        return catalog.countries().stream().flatMap(country -> switchable().stream()
                .map(code -> new Switch(country, code, !off.contains(country + ":" + code.name())))).toList();
    }

    public Switch save(Caller caller, String country, String code, SwitchInput input) {
        channelManagerOnly(caller);
        Validation v = new Validation();
        String market = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!catalog.countries().contains(market)) {
            v.reject("country", "unknownCode", market);
        }
        ReviewCode check = switchable().stream().filter(c -> c.name().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst().orElse(null);
        if (check == null) {
            v.reject("code", "unknownCode", code);
        }
        Boolean active = input == null ? null : input.active();
        if (active == null) {
            v.reject("active", "required");
        }
        v.throwIfInvalid();
        if (em.createNativeQuery("update market_check set active = :active where country = :country and code = :code")
                .setParameter("active", active).setParameter("country", market).setParameter("code", check.name())
                .executeUpdate() == 0) {
            em.createNativeQuery("insert into market_check (country, code, active) values (:country, :code, :active)")
                    .setParameter("active", active).setParameter("country", market).setParameter("code", check.name())
                    .executeUpdate();
        }
        return new Switch(market, check, active);
    }

    private static List<ReviewCode> switchable() {
        return Arrays.stream(ReviewCode.values()).filter(ReviewCode::switchable).toList();
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The channel manager decides which checks hold leads");
        }
    }
}
