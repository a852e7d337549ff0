package com.partnerportal.web.ui;

import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** A reseller admin keeps the own partner's capacity and absence current. */
@Named
@ViewScoped
public class AvailabilityEditor implements Serializable {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    private PartnerView partner;
    private final AvailabilityForm form = new AvailabilityForm();

    @PostConstruct
    void load() {
        String key = user.caller().partnerKey();
        if (key != null) {
            partner = directory.find(user.caller(), key);
            form.fill(partner);
        }
    }

    public void save() {
        try {
            partner = directory.updateAvailability(user.caller(), partner.key(), form.toAvailability());
            FacesMessages.info("availability.saved");
            FacesMessages.overCapacity(partner);
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("availabilityForm", e);
        }
    }

    public PartnerView getPartner() {
        return partner;
    }

    public AvailabilityForm getForm() {
        return form;
    }
}
