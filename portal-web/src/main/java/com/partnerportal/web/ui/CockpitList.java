package com.partnerportal.web.ui;

import com.partnerportal.cockpit.Cockpit;
import com.partnerportal.cockpit.CockpitLead;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Page;
import com.partnerportal.web.export.CockpitTable;
import com.partnerportal.web.export.Table;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The leads behind one cockpit number, as many as the number says, and the same list as a CSV or
 * Excel file (contact data only where the user may see it).
 */
@Named
@ViewScoped
public class CockpitList implements Serializable {

    @Inject
    private Cockpit cockpit;

    @Inject
    private CurrentUser user;

    private final CockpitFilters filters = new CockpitFilters();
    private long total = -1;

    /** Called by {@code f:viewAction}: counts the leads, or says what is wrong with the address. */
    public void load() {
        try {
            total = cockpit.leads(user.caller(), filters.query(), new Page.Request(0, 1)).total();
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("filters", e);
        } catch (AccessDeniedException e) {
            FacesMessages.refusal("OTHER_PARTNER");
        }
    }

    private final LazyDataModel<CockpitLead> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.max(total, 0);
        }

        @Override
        public List<CockpitLead> load(int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Page<CockpitLead> page = cockpit.leads(user.caller(), filters.query(), new Page.Request(first / size, size));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(CockpitLead lead) {
            return Long.toString(lead.id());
        }
    };

    public StreamedContent export(String format) {
        Table.Format as = Table.Format.valueOf(format);
        Table table = CockpitTable.of(cockpit.export(user.caller(), filters.query()));
        return DefaultStreamedContent.builder().name("cockpit-leads." + as.extension).contentType(as.contentType)
                .stream(() -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    try {
                        table.write(as, out);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return new java.io.ByteArrayInputStream(out.toByteArray());
                }).build();
    }

    public boolean isLoaded() {
        return total >= 0;
    }

    public long getTotal() {
        return total;
    }

    public LazyDataModel<CockpitLead> getRows() {
        return rows;
    }

    public CockpitFilters getFilters() {
        return filters;
    }

    /** Which number's leads, as query parameters ({@code stage=WON}). */
    public String getDrill() {
        StringBuilder drill = new StringBuilder();
        for (String[] p : new String[][] {{"stage", filters.getStage()}, {"lossReason", filters.getLossReason()},
                {"returnReason", filters.getReturnReason()}, {"breached", filters.getBreached()}}) {
            if (p[1] != null && !p[1].isBlank()) {
                drill.append(drill.isEmpty() ? "" : "&").append(p[0]).append('=')
                        .append(java.net.URLEncoder.encode(p[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return drill.toString();
    }

    /** The cockpit with the same filters. */
    public String getBack() {
        return "cockpit.xhtml?" + filters.parameters(null);
    }
}
