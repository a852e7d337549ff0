package com.partnerportal.web.ui;

import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerQuery;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The channel manager's partner table: pages, sort and filters are done by the database. */
@Named
@ViewScoped
public class PartnerTable implements Serializable {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    private final LazyDataModel<PartnerView> partners = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) directory.search(user.caller(), query(filters, Map.of(), 0, 1)).total();
        }

        @Override
        public List<PartnerView> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return directory.search(user.caller(), query(filters, sort, first / size, size)).items();
        }

        @Override
        public String getRowKey(PartnerView partner) {
            return partner.key();
        }
    };

    public LazyDataModel<PartnerView> getPartners() {
        return partners;
    }

    public Tier[] getTiers() {
        return Tier.values();
    }

    private static PartnerQuery query(Map<String, FilterMeta> filters, Map<String, SortMeta> sort, int page, int size) {
        SortMeta order = sort.values().stream().findFirst().orElse(null);
        PartnerQuery.SortField field = order == null ? null
                : PartnerQuery.SortField.valueOf(order.getField().toUpperCase(Locale.ROOT));
        boolean descending = order != null && order.getOrder() == SortOrder.DESCENDING;
        String tier = filter(filters, "tier");
        return new PartnerQuery(filter(filters, "name"), tier == null ? null : Tier.valueOf(tier),
                filter(filters, "regions"), field, descending, page, size);
    }

    private static String filter(Map<String, FilterMeta> filters, String field) {
        FilterMeta meta = filters.get(field);
        Object value = meta == null ? null : meta.getFilterValue();
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
