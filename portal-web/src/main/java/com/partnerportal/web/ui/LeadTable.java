package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadQuery;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The channel manager's lead list, or a reseller's own leads ("my leads"), paged by the database. */
@Named
@ViewScoped
public class LeadTable implements Serializable {

    @Inject
    private LeadService leads;

    @Inject
    private CurrentUser user;

    private LeadState state;
    private String search;

    private final LazyDataModel<LeadService.Summary> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) leads.list(user.caller(), new LeadQuery(state, search, null, true), 0, 1).total();
        }

        @Override
        public List<LeadService.Summary> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return leads.list(user.caller(), ListOrder.query(state, search, sort, LeadQuery.Sort.CREATED), first / size, size)
                    .items();
        }

        @Override
        public String getRowKey(LeadService.Summary lead) {
            return String.valueOf(lead.id());
        }
    };

    public LazyDataModel<LeadService.Summary> getRows() {
        return rows;
    }

    public LeadState[] getStates() {
        return LeadState.values();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public LeadState getState() {
        return state;
    }

    public void setState(LeadState state) {
        this.state = state;
    }
}
