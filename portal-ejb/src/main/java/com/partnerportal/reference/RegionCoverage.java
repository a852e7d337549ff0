package com.partnerportal.reference;

import java.util.Collection;

/**
 * Whether a partner's territory covers a region: a country code covers all of that country's
 * subdivisions ({@code AT} covers {@code AT-9}); a subdivision covers only itself.
 */
public final class RegionCoverage {

    private RegionCoverage() {
    }

    public static boolean covers(Collection<String> territory, String region) {
        return territory.contains(region) || territory.contains(countryOf(region));
    }

    /** {@code DE-HH} → {@code DE}; a country code is its own country. */
    public static String countryOf(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? region : region.substring(0, dash);
    }
}
