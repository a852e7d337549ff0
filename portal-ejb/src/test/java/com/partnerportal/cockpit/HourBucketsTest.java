package com.partnerportal.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class HourBucketsTest {

    private static long[] counts(int... perBucket) {
        long[] counts = new long[HourBuckets.COUNT];
        for (int i = 0; i < perBucket.length; i += 2) {
            counts[perBucket[i]] = perBucket[i + 1];
        }
        return counts;
    }

    @Test
    void aQuantileIsInterpolatedWithinItsBucket() {
        // ten leads between 12 and 16 hours (bucket 10): the median half-way, the 90th percentile near the top
        assertEquals(14.0, HourBuckets.quantile(counts(10, 10), 0.5));
        assertEquals(15.6, HourBuckets.quantile(counts(10, 10), 0.9));
        // half under a quarter of an hour, half between 48 and 64 hours: the median is the top of the first half
        assertEquals(0.3, HourBuckets.quantile(counts(0, 5, 14, 5), 0.5));
        assertEquals(60.8, HourBuckets.quantile(counts(0, 5, 14, 5), 0.9));
    }

    @Test
    void nothingMeasuredIsNoNumberAndTheLastBucketHasNoTop() {
        assertNull(HourBuckets.quantile(counts(), 0.5));
        assertEquals(2048.0, HourBuckets.quantile(counts(HourBuckets.COUNT - 1, 3), 0.9));
    }

    @Test
    void everyTimeFallsIntoOneBucket() {
        assertEquals(0, HourBuckets.of(-5), "a clock that went back counts as no time");
        assertEquals(0, HourBuckets.of(899));
        assertEquals(1, HourBuckets.of(900), "a quarter of an hour starts the second bucket");
        assertEquals(10, HourBuckets.of(12 * 3600 + 1));
        assertEquals(HourBuckets.COUNT - 1, HourBuckets.of(2048 * 3600));
    }

    @Test
    void aViewReadsTheCoarsestGrainThatHasItsColumns() {
        assertEquals(Grain.DAY, Grain.of(EnumSet.noneOf(Grain.Column.class)));
        assertEquals(Grain.PARTNER, Grain.of(EnumSet.of(Grain.Column.PARTNER)));
        assertEquals(Grain.REGION, Grain.of(EnumSet.of(Grain.Column.REGION)));
        assertEquals(Grain.ALL, Grain.of(EnumSet.of(Grain.Column.PARTNER, Grain.Column.PRODUCT)));
        assertEquals("partner_key, '*', '*', '*', '*'", Grain.PARTNER.rolledUp());
        assertEquals(", region, country", Grain.REGION.kept());
    }
}
