package com.partnerportal.web.ui;

import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogues as choices for the forms, labelled in the page's language. */
@Named
@RequestScoped
public class Catalogues {

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private LanguageSwitch language;

    @Inject
    private com.partnerportal.partner.PartnerDirectory partners;

    public List<SelectItem> items(Catalog which) {
        return catalog.entries(which).stream()
                .map(code -> new SelectItem(code.code(), code.label().in(language.getLocale())))
                .toList();
    }

    public List<SelectItem> getProducts() {
        return items(Catalog.PRODUCT);
    }

    public List<SelectItem> getReturnReasons() {
        return active(Catalog.RETURN_REASON);
    }

    public List<SelectItem> getDeclineReasons() {
        return active(Catalog.DECLINE_REASON);
    }

    public List<SelectItem> getLossReasons() {
        return active(Catalog.LOSS_REASON);
    }

    /** The codes that may be chosen now, by label: a deactivated one is not offered. */
    private List<SelectItem> active(Catalog which) {
        java.util.Set<String> active = catalog.activeCodes(which);
        return items(which).stream().filter(item -> active.contains((String) item.getValue())).toList();
    }

    /** The currencies the portal keeps amounts in, euro first. */
    public List<SelectItem> getCurrencies() {
        return com.partnerportal.lead.Money.CURRENCIES.stream()
                .sorted(java.util.Comparator.comparing((String c) -> !c.equals("EUR")).thenComparing(c -> c))
                .map(c -> new SelectItem(c, c)).toList();
    }

    public List<SelectItem> getCertifications() {
        return items(Catalog.CERTIFICATION);
    }

    /** The countries, by name. */
    public List<SelectItem> getCountries() {
        return catalog.regions().stream().filter(RegionView::isCountry)
                .map(country -> new SelectItem(country.code(), country.label().in(language.getLocale())))
                .sorted(java.util.Comparator.comparing(SelectItem::getLabel)).toList();
    }

    /** Every country, as a whole, followed by its regions: for a filter that takes either. */
    public List<SelectItem> getPlaces() {
        List<SelectItem> places = new java.util.ArrayList<>();
        for (SelectItem country : getCountries()) {
            places.addAll(regionsIn((String) country.getValue()));
        }
        return places;
    }

    /** The partners, by name: for the channel manager's filters. */
    public List<SelectItem> getPartners() {
        return partners.names().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(partner -> new SelectItem(partner.getKey(), partner.getValue())).toList();
    }

    /** The regions of one country, the country as a whole first. */
    public List<SelectItem> regionsIn(String country) {
        return catalog.regions().stream().filter(region -> region.country().equals(country))
                .map(region -> new SelectItem(region.code(), region.isCountry()
                        ? whole(region.label().in(language.getLocale())) : region.label().in(language.getLocale())))
                .toList();
    }

    /** "Germany (all regions)". */
    private static String whole(String country) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern = context.getApplication().getResourceBundle(context, "msg").getString("region.whole");
        return java.text.MessageFormat.format(pattern, country);
    }

    /** Regions grouped by country; the country itself is the first choice of its group. */
    public List<SelectItem> getRegions() {
        Map<String, SelectItemGroup> groups = new LinkedHashMap<>();
        Map<String, List<SelectItem>> members = new LinkedHashMap<>();
        for (var region : catalog.regions()) {
            String label = region.label().in(language.getLocale());
            members.computeIfAbsent(region.country(), c -> new java.util.ArrayList<>())
                    .add(new SelectItem(region.code(), label));
            if (region.isCountry()) {
                groups.put(region.country(), new SelectItemGroup(region.label().in(language.getLocale())));
            }
        }
        return groups.entrySet().stream().map(group -> {
            group.getValue().setSelectItems(members.get(group.getKey()));
            return (SelectItem) group.getValue();
        }).toList();
    }
}
