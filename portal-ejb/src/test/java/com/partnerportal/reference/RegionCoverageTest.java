package com.partnerportal.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionCoverageTest {

    @Test
    void countryCodeCoversItsSubdivisions() {
        assertTrue(RegionCoverage.covers(Set.of("DE-BY", "AT"), "AT-9"));
        assertTrue(RegionCoverage.covers(Set.of("DE-BY", "AT"), "AT"));
    }

    @Test
    void subdivisionCoversOnlyItself() {
        assertTrue(RegionCoverage.covers(Set.of("DE-HH"), "DE-HH"));
        assertFalse(RegionCoverage.covers(Set.of("DE-HH"), "DE-SH"));
        assertFalse(RegionCoverage.covers(Set.of("DE-HH"), "DE"));
    }

    @Test
    void countryOfSubdivision() {
        assertEquals("DE", RegionCoverage.countryOf("DE-NW"));
        assertEquals("AT", RegionCoverage.countryOf("AT"));
    }
}
