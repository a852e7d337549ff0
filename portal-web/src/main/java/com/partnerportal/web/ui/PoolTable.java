package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadQuery;
import com.partnerportal.marketplace.PoolView;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The channel manager's pool overview. */
@Named
@ViewScoped
public class PoolTable implements Serializable {

    @Inject
    private PoolView pool;

    @Inject
    private CurrentUser user;

    private final LazyDataModel<PoolView.Entry> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) pool.page(user.caller(), new LeadQuery(null, search, LeadQuery.Sort.PUBLISHED, true), 0, 1).total();
        }

        @Override
        public List<PoolView.Entry> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return pool.page(user.caller(), ListOrder.query(null, search, sort, LeadQuery.Sort.PUBLISHED), first / size, size)
                    .items();
        }

        @Override
        public String getRowKey(PoolView.Entry entry) {
            return String.valueOf(entry.id());
        }
    };

    private String search;

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public LazyDataModel<PoolView.Entry> getRows() {
        return rows;
    }

    /** "3 d 4 h", "5 h 12 min": how long a lead waited, for people. */
    public String waited(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
