package com.partnerportal.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerRulesTest {

    private static final PartnerRules.Catalogues CATALOGUES = new PartnerRules.Catalogues(
            Set.of("DE", "DE-HH", "AT"), Set.of("NETWORK-PRO"), Set.of("SDWAN"));

    private static PartnerProfile profile(String tier, List<String> regions, Integer capacity) {
        return new PartnerProfile("nordlicht", "Nordlicht", tier, regions, List.of("network-pro"),
                List.of("SDWAN"), List.of("SMALL"), capacity, null, null);
    }

    @Test
    void validProfileIsNormalisedToCatalogueCodes() {
        var described = PartnerRules.check(profile("gold", List.of("de-hh", "AT"), 5), CATALOGUES);
        assertEquals(Tier.GOLD, described.tier());
        assertEquals(Set.of("DE-HH", "AT"), described.regions());
        assertEquals(Set.of("NETWORK-PRO"), described.certifications());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartnerRules.check(profile("PLATINUM", List.of("DE-HH", "XX-99"), -1), CATALOGUES));
        assertEquals(List.of("tier", "regions[1]", "capacity"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void profileNeedsARegion() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartnerRules.check(profile("GOLD", List.of(), 5), CATALOGUES));
        assertEquals("regions", e.errors().get(0).field());
    }

    @Test
    void absenceMustEndAfterItStarts() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartnerRules.check(new Availability(3, "2026-12-10", "2026-12-01")));
        assertEquals("absentUntil", e.errors().get(0).field());
        assertEquals("must not be before the start of the absence", e.errors().get(0).message(Locale.ENGLISH));
    }

    @Test
    void absenceNeedsBothEnds() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartnerRules.check(new Availability(3, "2026-12-10", null)));
        assertEquals("absentUntil", e.errors().get(0).field());
    }

    @Test
    void unreadableDateNamesItsField() {
        var e = assertThrows(InvalidInputException.class,
                () -> PartnerRules.check(new Availability(3, "tomorrow", "2026-12-01")));
        assertEquals("absentFrom", e.errors().get(0).field());
        assertEquals("muss ein Datum wie 2026-12-31 sein", e.errors().get(0).message(Locale.GERMAN));
    }

    @Test
    void keyMustBeASlug() {
        assertThrows(InvalidInputException.class, () -> PartnerRules.checkKey("Nord Licht"));
        assertEquals("nord-licht", PartnerRules.checkKey("nord-licht"));
    }

    @Test
    void availabilityIsAcceptedWithinRange() {
        var checked = PartnerRules.check(new Availability(0, "2026-12-01", "2026-12-24"));
        assertEquals(LocalDate.of(2026, 12, 24), checked.absentUntil());
    }
}
