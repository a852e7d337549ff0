package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadQuery;
import java.util.Map;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The order a lead table's user chose by a column header, as a {@link LeadQuery}. */
final class ListOrder {

    /** The columns that sort, by the property their {@code sortBy} names. */
    private static final Map<String, LeadQuery.Sort> COLUMNS = Map.of("companyName", LeadQuery.Sort.COMPANY,
            "state", LeadQuery.Sort.STATE, "createdAt", LeadQuery.Sort.CREATED);

    private ListOrder() {
    }

    /** The query of this state and search text, in the order of the first sorted column, else the default. */
    static LeadQuery query(com.partnerportal.lead.LeadState state, String text, Map<String, SortMeta> sort,
                           LeadQuery.Sort byDefault) {
        return sort.values().stream().filter(meta -> meta.getOrder() != SortOrder.UNSORTED)
                .filter(meta -> COLUMNS.containsKey(meta.getField())).findFirst()
                .map(meta -> new LeadQuery(state, text, COLUMNS.get(meta.getField()),
                        meta.getOrder() == SortOrder.DESCENDING))
                .orElse(new LeadQuery(state, text, byDefault, true));
    }
}
