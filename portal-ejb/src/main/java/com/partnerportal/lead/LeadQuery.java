package com.partnerportal.lead;

import java.util.Locale;

/**
 * What a lead list shows: leads in one state (or all), whose company name contains a text (or
 * all), in one order. Lists: the channel manager's leads, a partner's own leads, the pool.
 */
public record LeadQuery(LeadState state, String text, Sort sort, boolean descending) {

    /** The orders a list offers; the newest first by default. */
    public enum Sort {
        CREATED("l.created_at"), COMPANY("lower(l.company_name)"), STATE("l.state"), PUBLISHED("l.published_at");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        /** The SQL order of this sort, on the lead {@code l}, the id breaking ties. */
        public String orderBy(boolean descending) {
            String direction = descending ? " desc" : " asc";
            return " order by " + column + direction + ", l.id" + direction;
        }
    }

    public static final LeadQuery NEWEST = new LeadQuery(null, null, Sort.CREATED, true);

    public LeadQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** The SQL {@code like} pattern of the text, case-insensitive, its wildcards taken literally. */
    public String pattern() {
        return text == null ? null
                : "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
