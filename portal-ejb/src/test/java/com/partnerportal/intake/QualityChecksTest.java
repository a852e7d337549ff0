package com.partnerportal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.partnerportal.lead.CompanyName;
import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadRules;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewReason;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of the intake with the real-world case it is for (seed 004). */
class QualityChecksTest {

    private static final LeadRules.Catalogues CATALOGUES = new LeadRules.Catalogues(
            Set.of("DE", "DE-HH", "DE-BY", "AT", "AT-9", "CH", "CH-ZH"), Set.of("SDWAN"), Set.of());
    private static final Set<String> MARKETS = Set.of("DE", "AT", "CH");
    private static final Set<ReviewCode> ALL = EnumSet.allOf(ReviewCode.class);

    private static LeadRules.Checked lead(String company, String country, String region, String first, String last,
                                          String email, String phone, String postalCode) {
        return LeadRules.check(new LeadInput("web-form", "1", null,
                new LeadInput.Company(company, "SMALL", null, country, region),
                LeadInput.Contact.of(first, last, email, phone, null, postalCode, null), "SDWAN", null, null, null,
                null, null, null, null), CATALOGUES);
    }

    private static List<String> codes(LeadRules.Checked lead) {
        return QualityChecks.of(lead, ALL, MARKETS).stream().map(r -> r.code() + ":" + String.join("/", r.arguments())).toList();
    }

    @Test
    void aGermanLeadWithGermanDataPasses() {
        assertEquals(List.of(), codes(lead("Muster Maschinenbau GmbH", "DE", "DE-HH", "Erika", "Muster",
                "erika.muster@muster-maschinenbau.de", "+49 40 1234567", "20457")));
    }

    @Test
    void anAfghanistanLeadWithAGermanPhoneEmailAndPostalCodeIsHeldAsCountryMismatch() {
        assertEquals(List.of("COUNTRY_MISMATCH:country/AF/AT, CH, DE", "COUNTRY_MISMATCH:phone/+49 40 1234567/AF",
                        "COUNTRY_MISMATCH:email/erika@muster.de/AF", "COUNTRY_MISMATCH:postalCode/20457/AF",
                        "REGION_OUTSIDE_COUNTRY:DE-HH/AF"),
                codes(lead("Muster GmbH", "AF", "DE-HH", "Erika", "Muster", "erika@muster.de", "+49 40 1234567", "20457")));
    }

    @Test
    void anAustrianPhoneOnAGermanLeadIsAMismatchButANationalNumberTakesTheStatedCountry() {
        assertEquals(List.of("COUNTRY_MISMATCH:phone/+43 1 5123456/DE"),
                codes(lead("Muster GmbH", "DE", "DE-BY", "E", "M", "e@muster.com", "+43 1 5123456", null)));
        assertEquals(List.of(), codes(lead("Muster GmbH", "DE", "DE-BY", "E", "M", "e@muster.com", "089 1234567", null)));
    }

    @Test
    void aFreeMailAddressIsReviewedAndADisposableOneNamedAsSuch() {
        assertEquals(List.of("FREE_MAIL:gmail.com"),
                codes(lead("Muster GmbH", "DE", "DE-HH", "E", "M", "erika.muster@gmail.com", null, null)));
        assertEquals(List.of("DISPOSABLE_MAIL:mailinator.com"),
                codes(lead("Muster GmbH", "DE", "DE-HH", "E", "M", "x@mailinator.com", null, null)));
    }

    @Test
    void noWayToReachTheContact() {
        assertEquals(List.of("NO_CONTACT_WAY:"), codes(lead("Muster GmbH", "DE", "DE-HH", "E", "M", null, null, null)));
    }

    @Test
    void aPrivatePersonOrAStudentIsNotACompany() {
        for (String name : List.of("privat", "Student", "Erika Muster", "Muster, Erika", "Frau Erika Muster", "-", "12345", "GmbH")) {
            List<ReviewReason> reasons = QualityChecks.of(lead(name, "DE", "DE-HH", "Erika", "Muster", "e@muster.de", null,
                    null), ALL, MARKETS);
            assertEquals(List.of(ReviewCode.NOT_A_COMPANY), reasons.stream().map(ReviewReason::code).toList(), name);
        }
        assertEquals(List.of(), codes(lead("Muster & Söhne KG", "DE", "DE-HH", "Erika", "Muster", "e@muster.de", null, null)));
    }

    @Test
    void aCheckSwitchedOffForTheMarketHoldsNothing() {
        Set<ReviewCode> withoutFreeMail = EnumSet.complementOf(EnumSet.of(ReviewCode.FREE_MAIL));
        assertEquals(List.of(), QualityChecks.of(lead("Muster GmbH", "AT", "AT-9", "E", "M", "e@gmx.at", null, "1010"),
                withoutFreeMail, MARKETS));
    }

    @Test
    void aGmbhWrittenThreeWaysIsOneCompany() {
        String key = CompanyName.key("Müller Maschinenbau GmbH");
        assertEquals("muellermaschinenbau", key);
        assertEquals(key, CompanyName.key("MUELLER-MASCHINENBAU G.m.b.H."));
        assertEquals(key, CompanyName.key("Müller Maschinenbau Gesellschaft mit beschränkter Haftung"));
        assertEquals(key, CompanyName.key("Mueller Maschinenbau GmbH & Co. KG"));
    }
}
