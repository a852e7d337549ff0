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
                "sdwan", null, revenue, null, null, handover, null, null);
    }

    /** The routing rules did not decide (no rules for the market, or no signals). */
    private static final RoutingVerdict UNDECIDED = new RoutingVerdict(0, List.of(), null, null);

    @Test
    void aLeadTheRoutingRulesKeepStartsWithMarketingUnlessHeldOrOwned() {
        LeadRules.Checked checked = LeadRules.check(lead("DE", "DE-HH", CONTACT, null, null), CATALOGUES);
        RoutingVerdict kept = new RoutingVerdict(10, List.of(), RoutingVerdict.Outcome.NURTURE, null);
        assertEquals(LeadState.NURTURE, new Screening.Verdict(List.of(), null).start(checked, kept));
        assertEquals(LeadState.QUARANTINE, new Screening.Verdict(List.of(ReviewReason.of(ReviewCode.NO_CONTACT_WAY)), null)
                .start(checked, kept));
    }

    @Test
    void completeLeadWithHandoverStartsQualified() {
        LeadRules.Checked checked = LeadRules.check(lead("DE", "DE-HH", CONTACT, HANDOVER, new Money("12500", "eur")), CATALOGUES);
        assertEquals(LeadState.QUALIFIED, new Screening.Verdict(List.of(), null).start(checked, UNDECIDED));
        assertEquals(new BigDecimal("12500.00"), checked.revenueAmount());
        assertEquals("EUR", checked.revenueCurrency());
        assertEquals("SDWAN", checked.product());
    }

    @Test
    void leadStartsNewWithoutHandoverHeldWithReasonsAndWithItsOwnerWhenItHasOne() {
        LeadRules.Checked checked = LeadRules.check(lead("DE", "DE-HH", CONTACT, null, null), CATALOGUES);
        assertEquals(LeadState.NEW, new Screening.Verdict(List.of(), null).start(checked, UNDECIDED));
        List<ReviewReason> held = List.of(ReviewReason.of(ReviewCode.NO_CONTACT_WAY));
        assertEquals(LeadState.QUARANTINE, new Screening.Verdict(held, null).start(checked, UNDECIDED));
        assertEquals(LeadState.CLAIMED, new Screening.Verdict(List.of(), new Screening.Owner("c-1", "nordlicht")).start(checked, UNDECIDED));
    }

    @Test
    void phoneIsReadByLibphonenumberAndKeptInInternationalForm() {
        LeadInput.Contact hamburg = new LeadInput.Contact("E", "M", "Erika@Example.COM", "040 1234567", null, null, null);
        LeadRules.Checked checked = LeadRules.check(lead("DE", "DE-HH", hamburg, null, null), CATALOGUES);
        assertEquals("+49401234567", checked.keys().phone());
        assertEquals("erika@example.com", checked.keys().email());
        assertEquals("example.com", checked.keys().emailDomain());
        assertEquals("acme", checked.keys().company());

        LeadInput.Contact nonsense = new LeadInput.Contact("E", "M", "e@example", "call me maybe", null, null, null);
        var e = assertThrows(InvalidInputException.class, () -> LeadRules.check(lead("DE", "DE-HH", nonsense, null, null), CATALOGUES));
        assertEquals(List.of("contact.email", "contact.phone"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aCountryOutsideTheMarketsIsTakenForReviewButNoCountryAtAllIsRefused() {
        assertEquals("AF", LeadRules.check(lead("af", "DE-HH", CONTACT, null, null), CATALOGUES).country());
        var e = assertThrows(InvalidInputException.class, () -> LeadRules.check(lead("XY", "DE-HH", CONTACT, null, null), CATALOGUES));
        assertEquals(List.of("company.country"), e.errors().stream().map(FieldError::field).toList());
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
                new LeadInput("web", "1", null, null, null, "SDWAN", null, null, null, null, null, null, null), CATALOGUES));
        assertEquals(List.of("company.name", "company.sizeClass", "company.country", "company.region"),
                e.errors().stream().map(FieldError::field).toList());
    }
}
