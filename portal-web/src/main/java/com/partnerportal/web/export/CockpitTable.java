package com.partnerportal.web.export;

import com.partnerportal.cockpit.CockpitLead;
import com.partnerportal.lead.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The leads behind a cockpit number as an export's table; contact columns stay empty where the caller may not see them. */
public final class CockpitTable {

    public static final List<String> HEADER = List.of("id", "state", "companyName", "region", "product", "campaign", "partner",
            "assignee", "publishedAt", "expectedRevenue", "expectedCurrency", "expectedCloseDate", "followUpAt",
            "wonRevenue", "wonCurrency", "lossReasonCode", "firstName", "lastName", "email", "phone", "street",
            "postalCode", "city");

    private CockpitTable() {
    }

    public static Table of(List<CockpitLead> leads) {
        List<List<Object>> rows = new ArrayList<>(leads.size());
        for (CockpitLead l : leads) {
            var c = l.contact();
            rows.add(Arrays.asList(Long.toString(l.id()), l.state().name(), l.companyName(), l.region(), l.product(),
                    l.campaign(), l.partner(), l.assignee(), text(l.publishedAt()), amount(l.expectedRevenue()),
                    currency(l.expectedRevenue()), text(l.expectedCloseDate()), text(l.followUpAt()),
                    amount(l.wonRevenue()), currency(l.wonRevenue()), l.lossReasonCode(),
                    c == null ? null : c.firstName(), c == null ? null : c.lastName(), c == null ? null : c.email(),
                    c == null ? null : c.phone(), c == null ? null : c.street(), c == null ? null : c.postalCode(),
                    c == null ? null : c.city()));
        }
        return new Table("Leads", HEADER, rows);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : new BigDecimal(money.amount());
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
