package com.partnerportal.lead;

import java.math.BigDecimal;

/** An amount as the API carries it: a decimal string and an ISO 4217 currency, never a float. */
public record Money(String amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), currency);
    }
}
