package com.partnerportal.lead;

import com.partnerportal.platform.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** An amount as the API carries it: a decimal string and an ISO 4217 currency, never a float. */
public record Money(String amount, String currency) {

    /** The currencies the portal keeps amounts in. */
    public static final Set<String> CURRENCIES = Set.of("EUR", "CHF", "USD", "GBP");

    /** A plain decimal in ASCII digits with at most two places: no sign, no exponent, no other digits. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    /** The amount as a timeline stores it ({@code "12500.00 EUR"}), or null. */
    @Override
    public String toString() {
        return amount + " " + currency;
    }

    /** An amount stored as {@link #toString()}; null for anything else. */
    public static Money parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(" ");
        return parts.length == 2 ? new Money(parts[0], parts[1]) : null;
    }

    /** An amount that passed {@link #check}. */
    public record Checked(BigDecimal amount, String currency) {
    }

    /**
     * Checks {@code money} part by part ({@code field.amount}, {@code field.currency}); null when
     * it was not given or is wrong.
     */
    public static Checked check(Validation v, String field, Money money) {
        if (money == null) {
            return null;
        }
        BigDecimal amount = null;
        if (money.amount() == null || money.amount().isBlank()) {
            v.reject(field + ".amount", "required");
        } else if (!AMOUNT.matcher(money.amount().strip()).matches()) {
            v.reject(field + ".amount", "amount");
        } else {
            amount = new BigDecimal(money.amount().strip()).setScale(2);
        }
        String currency = money.currency() == null ? null : money.currency().strip().toUpperCase(Locale.ROOT);
        if (currency == null || !CURRENCIES.contains(currency)) {
            v.reject(field + ".currency", "currency", String.join(", ", new TreeSet<>(CURRENCIES)));
            currency = null;
        }
        return amount == null || currency == null ? null : new Checked(amount, currency);
    }
}
