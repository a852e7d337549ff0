package com.partnerportal.web.ui;

import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Validation;
import com.partnerportal.privacy.ContactAudit;
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

/** The channel manager's and the portal admin's search of who saw a prospect's contact data. */
@Named
@ViewScoped
public class AuditSearch implements Serializable {

    @Inject
    private ContactAudit audit;

    @Inject
    private CurrentUser user;

    private String lead;
    private String username;
    private String from;
    private String to;

    /** The search as checked by {@link #load}; null while the address holds a wrong value. */
    private ContactAudit.Search search;

    /** Called by {@code f:viewAction}: checks the address's filters, or says what is wrong with them. */
    public void load() {
        Validation v = new Validation();
        ContactAudit.Search parsed = ContactAudit.Search.parse(v, lead, username, from, to);
        try {
            v.throwIfInvalid();
            search = parsed;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("filters", e);
        }
    }

    public boolean isLoaded() {
        return search != null;
    }

    private final LazyDataModel<ContactAudit.Entry> entries = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, search(0, 1).total());
        }

        @Override
        public List<ContactAudit.Entry> load(int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Page<ContactAudit.Entry> page = search(first / size, size);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(ContactAudit.Entry entry) {
            return entry.lead() + "@" + entry.at() + "@" + entry.user();
        }
    };

    private Page<ContactAudit.Entry> search(int page, int size) {
        return audit.search(user.caller(), search, new Page.Request(page, size));
    }

    public LazyDataModel<ContactAudit.Entry> getEntries() {
        return entries;
    }

    public String getLead() { return lead; }
    public void setLead(String lead) { this.lead = lead; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
