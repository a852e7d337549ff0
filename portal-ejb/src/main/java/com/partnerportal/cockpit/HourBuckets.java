package com.partnerportal.cockpit;

import com.partnerportal.platform.migration.V14__Cockpit_cells;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The histogram the cockpit keeps of each time it measures (to claim, to first contact, to outcome),
 * per kept row, so that medians and 90th percentiles of any view add up from the rows. Buckets grow
 * by about half an octave from a quarter of an hour to 2048 hours (85 days); a percentile is read
 * by straight-line interpolation within its bucket, so it is an estimate within the bucket's width
 * (at most a third of the value above an hour), as any kept dashboard percentile is.
 */
final class HourBuckets {

    /** The upper edges in hours of every bucket but the last, which has none. */
    static final double[] EDGES = {0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384,
            512, 768, 1024, 1536, 2048};

    static final int COUNT = EDGES.length + 1;

    static {
        if (COUNT != V14__Cockpit_cells.BUCKETS) {
            throw new IllegalStateException("The kept histograms have " + V14__Cockpit_cells.BUCKETS + " buckets, not " + COUNT);
        }
    }

    private HourBuckets() {
    }

    /** The bucket of a time in seconds. */
    static int of(double seconds) {
        for (int bucket = 0; bucket < EDGES.length; bucket++) {
            if (seconds < EDGES[bucket] * 3600) {
                return bucket;
            }
        }
        return EDGES.length;
    }

    /** The {@code q}-quantile (0 to 1) in hours, to a tenth, of the counts per bucket; null without any. */
    static Double quantile(long[] counts, double q) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long before = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            long count = counts[bucket];
            if (count > 0 && before + count >= rank) {
                double low = bucket == 0 ? 0 : EDGES[bucket - 1];
                if (bucket == EDGES.length) {
                    return tenth(low);
                }
                return tenth(low + (EDGES[bucket] - low) * Math.max(0, rank - before) / count);
            }
            before += count;
        }
        return tenth(EDGES[EDGES.length - 1]);
    }

    private static double tenth(double hours) {
        return BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
