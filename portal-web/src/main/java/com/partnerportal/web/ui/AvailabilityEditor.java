package com.partnerportal.web.ui;

import com.partnerportal.partner.Availability;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A reseller admin keeps the own partner's capacity and absence current. */
@Named
@ViewScoped
public class AvailabilityEditor implements Serializable {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    private PartnerView partner;
    private Integer capacity;
    private LocalDate absentFrom;
    private LocalDate absentUntil;

    @PostConstruct
    void load() {
        String key = user.caller().partnerKey();
        if (key == null) {
            return;
        }
        partner = directory.find(user.caller(), key);
        capacity = partner.capacity();
        absentFrom = partner.absentFrom();
        absentUntil = partner.absentUntil();
    }

    public void save() {
        try {
            partner = directory.updateAvailability(user.caller(), partner.key(), new Availability(capacity,
                    Objects.toString(absentFrom, null), Objects.toString(absentUntil, null)));
            FacesMessages.info("availability.saved");
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("availabilityForm", e);
        }
    }

    public boolean isAbsentToday() {
        return absentFrom != null && absentUntil != null
                && !LocalDate.now().isBefore(absentFrom) && !LocalDate.now().isAfter(absentUntil);
    }

    public PartnerView getPartner() {
        return partner;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDate getAbsentFrom() {
        return absentFrom;
    }

    public void setAbsentFrom(LocalDate absentFrom) {
        this.absentFrom = absentFrom;
    }

    public LocalDate getAbsentUntil() {
        return absentUntil;
    }

    public void setAbsentUntil(LocalDate absentUntil) {
        this.absentUntil = absentUntil;
    }
}
