package com.partnerportal.cockpit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How finely a row of the kept figures splits a day: by every column ({@link #ALL}), by one of them,
 * or not at all ({@link #DAY}). A column a grain does not split by holds {@code '*'}. A view reads
 * the coarsest grain that still has the columns it filters and groups by: the whole channel's funnel
 * reads one row per day, not one per partner, region, product and campaign.
 */
enum Grain {

    DAY(0), PARTNER(1, Column.PARTNER), REGION(2, Column.REGION), PRODUCT(3, Column.PRODUCT),
    CAMPAIGN(4, Column.CAMPAIGN), ALL(5, Column.PARTNER, Column.REGION, Column.PRODUCT, Column.CAMPAIGN);

    /** A column the cockpit filters and splits by, as the kept rows hold it ({@code ''} for none). */
    enum Column {
        PARTNER("partner_key", "coalesce(l.partner_key, '')"),
        REGION("region", "l.region"),
        PRODUCT("product", "l.product"),
        CAMPAIGN("campaign", "coalesce(l.campaign, '')");

        final String name;
        /** The value of a lead ({@code l}). */
        final String ofLead;

        Column(String name, String ofLead) {
            this.name = name;
            this.ofLead = ofLead;
        }

        /** The kept columns it fills: a region's row keeps its country too, for a view of a whole country. */
        List<String> kept() {
            return this == REGION ? List.of("region", "country") : List.of(name);
        }
    }

    final int code;
    final Set<Column> columns;

    Grain(int code, Column... columns) {
        this.code = code;
        this.columns = columns.length == 0 ? EnumSet.noneOf(Column.class) : EnumSet.of(columns[0], columns);
    }

    /** The coarsest grain that has all these columns. */
    static Grain of(Set<Column> needed) {
        for (Grain grain : values()) {
            if (grain.columns.containsAll(needed)) {
                return grain;
            }
        }
        throw new IllegalArgumentException(needed.toString());
    }

    /** The select list of this grain's dimension columns, from the rows of {@link #ALL}: {@code '*'} for those it sums over. */
    String rolledUp() {
        return EnumSet.allOf(Column.class).stream()
                .flatMap(c -> c.kept().stream().map(kept -> columns.contains(c) ? kept : "'*'"))
                .collect(Collectors.joining(", "));
    }

    /** The columns it keeps, for a group by: empty for {@link #DAY}. */
    String kept() {
        return columns.stream().flatMap(c -> c.kept().stream()).map(c -> ", " + c).collect(Collectors.joining());
    }
}
