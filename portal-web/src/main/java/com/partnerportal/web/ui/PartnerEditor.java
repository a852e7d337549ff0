package com.partnerportal.web.ui;

import com.partnerportal.partner.Availability;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerProfile;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The channel manager's form for a new or an existing partner profile. */
@Named
@ViewScoped
public class PartnerEditor implements Serializable {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    private String key;
    private boolean existing;
    private String name;
    private String tier;
    private List<String> regions = new ArrayList<>();
    private List<String> certifications = new ArrayList<>();
    private List<String> products = new ArrayList<>();
    private List<String> sizeFocus = new ArrayList<>();
    private final AvailabilityForm availability = new AvailabilityForm();

    /** Called by {@code f:viewAction} with the {@code key} parameter; none means a new partner. */
    public void load() {
        if (key == null || key.isBlank()) {
            return;
        }
        try {
            PartnerView p = directory.find(user.caller(), key);
            existing = true;
            name = p.name();
            tier = p.tier().name();
            regions = new ArrayList<>(p.regions());
            certifications = new ArrayList<>(p.certifications());
            products = new ArrayList<>(p.products());
            sizeFocus = p.sizeFocus().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
            availability.fill(p);
        } catch (NotFoundException e) {
            key = null;
            FacesMessages.error("partner.notFound");
        }
    }

    public String save() {
        Availability a = availability.toAvailability();
        PartnerProfile profile = new PartnerProfile(key, name, tier, regions, certifications, products, sizeFocus,
                a.capacity(), a.absentFrom(), a.absentUntil());
        PartnerView saved;
        try {
            saved = existing ? directory.update(user.caller(), key, profile) : directory.create(user.caller(), profile);
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("partnerForm", e);
            return null;
        }
        FacesMessages.info("partner.saved");
        FacesMessages.overCapacity(saved);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/partners.xhtml?faces-redirect=true";
    }

    public Tier[] getTiers() {
        return Tier.values();
    }

    public SizeClass[] getSizeClasses() {
        return SizeClass.values();
    }

    public boolean isExisting() {
        return existing;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public List<String> getCertifications() {
        return certifications;
    }

    public void setCertifications(List<String> certifications) {
        this.certifications = certifications;
    }

    public List<String> getProducts() {
        return products;
    }

    public void setProducts(List<String> products) {
        this.products = products;
    }

    public List<String> getSizeFocus() {
        return sizeFocus;
    }

    public void setSizeFocus(List<String> sizeFocus) {
        this.sizeFocus = sizeFocus;
    }

    public AvailabilityForm getAvailability() {
        return availability;
    }
}
