package com.partnerportal.web.ui;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every page of the portal and who may open it: the one home of that rule. {@link PageAccess}
 * refuses a page to anyone else before it renders, and the menu of {@link Shell} offers only the
 * pages the user may open, from the same list.
 */
public enum PortalPage {
    HOME("/index.xhtml", "nav.home", caller -> true),
    LEADS("/leads.xhtml", "nav.leads", Caller::isManufacturer),
    REVIEW("/review.xhtml", "nav.review", caller -> caller.has(Role.CHANNEL_MANAGER)),
    ROUTING("/routing.xhtml", "nav.routing", caller -> caller.has(Role.CHANNEL_MANAGER)),
    POOL("/pool.xhtml", "nav.pool", Caller::isManufacturer),
    PARTNERS("/partners.xhtml", "nav.partners", Caller::isManufacturer),
    MARKETPLACE("/marketplace.xhtml", "nav.marketplace", PortalPage::boundReseller),
    MY_LEADS("/my-leads.xhtml", "nav.myLeads", PortalPage::boundReseller),
    AVAILABILITY("/availability.xhtml", "nav.availability",
            caller -> boundReseller(caller) && caller.has(Role.RESELLER_ADMIN)),
    WEBHOOKS("/webhooks.xhtml", "nav.webhooks", caller -> caller.has(Role.CHANNEL_MANAGER)
            || boundReseller(caller) && caller.has(Role.RESELLER_ADMIN)),
    API_CLIENTS("/api-clients.xhtml", "nav.apiClients", caller -> boundReseller(caller) && caller.has(Role.RESELLER_ADMIN)),
    COCKPIT("/cockpit.xhtml", "nav.cockpit", caller -> caller.has(Role.CHANNEL_MANAGER) || boundReseller(caller)),
    CAMPAIGNS("/campaigns.xhtml", "nav.campaigns", caller -> caller.has(Role.CHANNEL_MANAGER)),
    SALES_KIT("/sales-kit.xhtml", "nav.salesKit", caller -> caller.has(Role.CHANNEL_MANAGER)),
    CONSENT_RULES("/consent-rules.xhtml", "nav.consentRules", caller -> caller.has(Role.CHANNEL_MANAGER)),
    CATALOGUES("/catalogues.xhtml", "nav.catalogues", caller -> caller.has(Role.PORTAL_ADMIN)),
    AUDIT("/audit.xhtml", "nav.audit", caller -> caller.has(Role.PORTAL_ADMIN) || caller.has(Role.CHANNEL_MANAGER)),
    // reached from the pages above, not from the menu
    LEAD_NEW("/lead-new.xhtml", null, caller -> caller.has(Role.CHANNEL_MANAGER)),
    LEAD_IMPORT("/lead-import.xhtml", null, caller -> caller.has(Role.CHANNEL_MANAGER)),
    PARTNER("/partner.xhtml", null, caller -> caller.has(Role.CHANNEL_MANAGER)),
    LEAD("/lead.xhtml", null, caller -> caller.isManufacturer() || boundReseller(caller)),
    COCKPIT_LEADS("/cockpit-leads.xhtml", null, caller -> caller.has(Role.CHANNEL_MANAGER) || boundReseller(caller)),
    // the demo run's webhook receiver, reached from the webhooks page
    DEMO_RECEIVER("/demo-receiver.xhtml", null, caller -> caller.has(Role.CHANNEL_MANAGER)
            && com.partnerportal.webhook.DemoReceiver.enabled()),
    // reached from the bell in the header
    NOTIFICATIONS("/notifications.xhtml", null, caller -> true),
    // reached from the user's name in the header
    PROFILE("/profile.xhtml", null, caller -> caller.username() != null),
    // public: the prospect's consent page, reached from the link in a mail (/consent/<token>)
    CONSENT("/consent.xhtml", null, caller -> true);

    private final String path;
    private final String label;
    private final Predicate<Caller> mayOpen;

    PortalPage(String path, String label, Predicate<Caller> mayOpen) {
        this.path = path;
        this.label = label;
        this.mayOpen = mayOpen;
    }

    /** A reseller user bound to a partner; one without a partner has nothing to work on. */
    private static boolean boundReseller(Caller caller) {
        return caller.isReseller() && caller.partnerKey() != null;
    }

    public static Optional<PortalPage> at(String path) {
        return Arrays.stream(values()).filter(page -> page.path.equals(path)).findFirst();
    }

    /** The menu of this caller: the pages with a label it may open, in this order. */
    public static List<PortalPage> menu(Caller caller) {
        return Arrays.stream(values()).filter(page -> page.label != null && page.mayOpen(caller)).toList();
    }

    public boolean mayOpen(Caller caller) {
        return mayOpen.test(caller);
    }

    public String getPath() {
        return path;
    }

    public String getLabel() {
        return label;
    }

    /** The menu entry's element id, {@code navMyLeads} for {@code MY_LEADS}. */
    public String getNavId() {
        StringBuilder id = new StringBuilder("nav");
        for (String word : name().split("_")) {
            id.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return id.toString();
    }
}
