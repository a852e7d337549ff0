package com.partnerportal.web.ui;

import com.partnerportal.marketplace.ClaimService;
import com.partnerportal.marketplace.Declines;
import com.partnerportal.marketplace.Marketplace;
import com.partnerportal.marketplace.MarketplaceItem;
import com.partnerportal.marketplace.MarketplacePage;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.reference.RegionCoverage;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The rep's marketplace: the anonymised cards of leads the partner may take, narrowed by region,
 * product and size; a claim with confirmation. The page only ever holds {@link MarketplaceItem}s,
 * which have no contact data, so none can reach the page source or the view state.
 */
@Named
@ViewScoped
public class MarketplaceBoard implements Serializable {

    @Inject
    private Marketplace marketplace;

    @Inject
    private ClaimService claims;

    @Inject
    private Declines declines;

    @Inject
    private CurrentUser user;

    private String region;
    private String product;
    private String sizeClass;
    private MarketplacePage last;
    private Marketplace.Upcoming upcoming;
    private List<SelectItem> regions;
    private java.util.Locale regionsLocale;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private Catalogues catalogues;

    private final LazyDataModel<MarketplaceItem> cards = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) marketplace.count(user.caller(), filter());
        }

        @Override
        public List<MarketplaceItem> load(int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            last = marketplace.cards(user.caller(), filter(), first / size, size);
            return last.items();
        }

        @Override
        public String getRowKey(MarketplaceItem item) {
            return String.valueOf(item.id());
        }
    };

    private Marketplace.Filter filter() {
        return new Marketplace.Filter(blankToNull(region), blankToNull(product), blankToNull(sizeClass));
    }

    /** Claims the lead; the winner goes to the lead with its contact, anyone else reads why not. */
    public String claim(long leadId) {
        try {
            claims.claim(user.caller(), leadId);
            FacesMessages.info("marketplace.claimed");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/lead.xhtml?faces-redirect=true&id=" + leadId;
        } catch (ConflictException e) {
            FacesMessages.refusal(e.code());
        } catch (AccessDeniedException e) {
            FacesMessages.refusal(e.code());
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
        return null;
    }

    /** The lead the rep is declining in the dialog, and the reason chosen there. */
    private Long declining;
    private String declineReason;

    public void startDecline(long leadId) {
        declining = leadId;
        declineReason = null;
    }

    /** "Not for us": the card leaves this partner's marketplace; the dialog closes once it is done. */
    public void decline() {
        try {
            declines.decline(user.caller(), declining, declineReason);
            FacesMessages.info("marketplace.declined");
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("declined", true);
            declining = null;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("declineForm", e);
        } catch (AccessDeniedException e) {
            FacesMessages.refusal(e.code());
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("declined", true);
        }
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public void setDeclineReason(String declineReason) {
        this.declineReason = declineReason;
    }

    /** Leads held back for higher tiers that open to this partner later; asked once per view. */
    public Marketplace.Upcoming getUpcoming() {
        if (upcoming == null) {
            upcoming = marketplace.upcoming(user.caller());
        }
        return upcoming;
    }

    public boolean isFiltered() {
        return blankToNull(region) != null || blankToNull(product) != null || blankToNull(sizeClass) != null;
    }

    public void clearFilters() {
        region = null;
        product = null;
        sizeClass = null;
    }

    /**
     * The page's address with its filters, put into the address bar on every change, so that the
     * filters are still set when the rep comes back to the page (Back, a reload, a bookmark).
     */
    public String getAddress() {
        StringBuilder query = new StringBuilder();
        for (String[] filter : new String[][] {{"region", region}, {"product", product}, {"sizeClass", sizeClass}}) {
            if (blankToNull(filter[1]) != null) {
                query.append(query.length() == 0 ? "?" : "&").append(filter[0]).append('=')
                        .append(java.net.URLEncoder.encode(filter[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/marketplace.xhtml" + query;
    }

    /** The partner's territory as filter choices: its regions, and a country it covers with its regions. */
    public List<SelectItem> getRegions() {
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (regions != null && locale.equals(regionsLocale)) { // asked several times a render: built once
            return regions;
        }
        regionsLocale = locale;
        List<String> territory = directory.own(user.caller()).regions().stream().toList();
        regions = new java.util.ArrayList<>();
        for (SelectItem item : catalogues.getRegions()) {
            SelectItemGroup group = (SelectItemGroup) item;
            List<SelectItem> covered = java.util.Arrays.stream(group.getSelectItems())
                    .filter(region -> RegionCoverage.covers(territory, (String) region.getValue()))
                    .toList();
            if (!covered.isEmpty()) {
                SelectItemGroup own = new SelectItemGroup(group.getLabel());
                own.setSelectItems(covered);
                regions.add(own);
            }
        }
        return regions;
    }

    /** Why the feed is empty for this partner right now, if it is blocked. */
    public String getBlockedBy() {
        return getLast().blockedBy();
    }

    public MarketplacePage getLast() {
        if (last == null) { // asked before the cards were loaded: the partner's room, without the feed
            last = marketplace.cards(user.caller(), filter(), 0, 0);
        }
        return last;
    }

    public LazyDataModel<MarketplaceItem> getCards() {
        return cards;
    }

    public SizeClass[] getSizeClasses() {
        return SizeClass.values();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public String getSizeClass() { return sizeClass; }
    public void setSizeClass(String sizeClass) { this.sizeClass = sizeClass; }
}
