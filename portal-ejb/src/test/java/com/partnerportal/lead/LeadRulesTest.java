package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadRulesTest {

    private static final LeadRules.Catalogues CATALOGUES = new LeadRules.Catalogues(
            Set.of("DE", "DE-HH", "AT", "AT-9"), Set.of("SDWAN"), Set.of("NETWORK-PRO"));
    private static final LeadInput.Contact CONTACT = new LeadInput.Contact("E", "M", "e@example.com", null, null, null, null);
    private static final LeadInput.Handover HANDOVER = new LeadInput.Handover("ready", null, null, null);

    private static LeadInput lead(String country, String region, LeadInput.Contact contact, LeadInput.Handover handover,
                                  Money revenue) {
        return new LeadInput("web", "1", null, new LeadInput.Company("ACME", "small", null, country, region), contact,
                "sdwan", null, revenue, null, null, handover, null);
    }

    @Test
    void completeLeadWithHandoverStartsQualified() {
        LeadRules.Checked checked = LeadRules.check(lead("DE", "DE-HH", CONTACT, HANDOVER, new Money("12500", "eur")), CATALOGUES);
        assertEquals(LeadState.QUALIFIED, checked.initialState());
        assertEquals(new BigDecimal("12500.00"), checked.revenueAmount());
        assertEquals("EUR", checked.revenueCurrency());
        assertEquals("SDWAN", checked.product());
    }

    @Test
    void leadWithoutHandoverStartsNew() {
        assertEquals(LeadState.NEW, LeadRules.check(lead("DE", "DE-HH", CONTACT, null, null), CATALOGUES).initialState());
    }

    @Test
    void regionOfAnotherCountryOrNoWayToReachTheContactGoesToReview() {
        LeadRules.Checked wrongCountry = LeadRules.check(lead("AT", "DE-HH", CONTACT, HANDOVER, null), CATALOGUES);
        assertEquals(LeadState.QUARANTINE, wrongCountry.initialState());
        LeadRules.Checked unreachable = LeadRules.check(lead("DE", "DE-HH", null, HANDOVER, null), CATALOGUES);
        assertEquals(LeadState.QUARANTINE, unreachable.initialState());
        assertEquals("no e-mail and no phone for the contact", unreachable.reviewNote());
    }

    @Test
    void moneyIsExactAndNamesItsFields() {
        var e = assertThrows(InvalidInputException.class,
                () -> LeadRules.check(lead("DE", "DE-HH", CONTACT, HANDOVER, new Money("1.005", "EURO")), CATALOGUES));
        assertEquals(List.of("estimatedRevenue.amount", "estimatedRevenue.currency"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void missingCompanyIsReportedFieldByField() {
        var e = assertThrows(InvalidInputException.class, () -> LeadRules.check(
                new LeadInput("web", "1", null, null, null, "SDWAN", null, null, null, null, null, null), CATALOGUES));
        assertEquals(List.of("company.name", "company.sizeClass", "company.country", "company.region"),
                e.errors().stream().map(FieldError::field).toList());
    }
}
