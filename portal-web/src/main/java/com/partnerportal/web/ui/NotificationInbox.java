package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadService;
import com.partnerportal.notification.Notification;
import com.partnerportal.notification.NotificationType;
import com.partnerportal.notification.Notifications;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The user's notifications, the newest first, paged by the database: open one (it is read then), or read them all. */
@Named
@ViewScoped
public class NotificationInbox implements Serializable {

    @Inject
    private Notifications notifications;

    @Inject
    private LeadService leads;

    @Inject
    private CurrentUser user;

    @Inject
    private Format format;

    /** The company of each listed notification's lead the user still sees; a lead it no longer holds has none. */
    private final Map<Long, String> companies = new HashMap<>();

    /** The product and region of each lead offered to the user's partner: what its card shows first. */
    private final Map<Long, LeadService.CardName> offered = new HashMap<>();

    private final LazyDataModel<Notification.View> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) notifications.list(user.caller(), null, 0, 1).total();
        }

        @Override
        public List<Notification.View> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            List<Notification.View> page = notifications.list(user.caller(), null, first / size, size).items();
            companies.putAll(leads.companyNames(user.caller(),
                    page.stream().map(Notification.View::leadId).filter(Objects::nonNull).distinct().toList()));
            offered.putAll(leads.cardNames(page.stream().filter(n -> n.type() == NotificationType.LEAD_OFFERED)
                    .map(Notification.View::leadId).filter(Objects::nonNull).distinct().toList()));
            return page;
        }

        @Override
        public String getRowKey(Notification.View notification) {
            return String.valueOf(notification.id());
        }
    };

    public LazyDataModel<Notification.View> getRows() {
        return rows;
    }

    /** "Follow-up due: Prüfstand GmbH"; a lead the user no longer holds is named by its number. */
    public String subject(Notification.View notification) {
        LeadService.CardName card = notification.type() == NotificationType.LEAD_OFFERED ? offered.get(notification.leadId()) : null;
        if (card != null) {
            return format.message("notifications.LEAD_OFFERED", format.product(card.product()), format.place(card.region()));
        }
        if (notification.leadId() == null) { // about the partner, not a lead
            return format.message("notifications." + notification.type().name(), "", null);
        }
        String company = companies.get(notification.leadId());
        String lead = company != null ? company : format.message("notifications.lead", String.valueOf(notification.leadId()), null);
        return format.message("notifications." + notification.type().name(), lead, null);
    }

    /** Marks the notification read and opens its lead. */
    public String open(Notification.View notification) {
        notifications.markRead(user.caller(), notification.id());
        if (notification.type() == NotificationType.LEAD_OFFERED) { // not the partner's yet: its card is in the marketplace
            return "/marketplace.xhtml?faces-redirect=true";
        }
        if (notification.type() == NotificationType.WEBHOOK_DISABLED) {
            return "/webhooks.xhtml?faces-redirect=true";
        }
        return notification.leadId() == null ? null : "/lead.xhtml?faces-redirect=true&id=" + notification.leadId();
    }

    public void markAllRead() {
        notifications.markAllRead(user.caller());
        FacesMessages.info("notifications.allRead");
    }
}
