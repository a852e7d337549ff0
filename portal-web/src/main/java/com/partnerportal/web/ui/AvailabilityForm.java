package com.partnerportal.web.ui;

import com.partnerportal.partner.Availability;
import com.partnerportal.partner.PartnerView;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** The capacity and absence inputs, shared by the partner form and the reseller admin's page. */
public class AvailabilityForm implements Serializable {

    private Integer capacity = 10;
    private LocalDate absentFrom;
    private LocalDate absentUntil;

    void fill(PartnerView partner) {
        capacity = partner.capacity();
        absentFrom = partner.absentFrom();
        absentUntil = partner.absentUntil();
    }

    Availability toAvailability() {
        return new Availability(capacity, Objects.toString(absentFrom, null), Objects.toString(absentUntil, null));
    }

    public boolean isAbsentToday() {
        LocalDate today = LocalDate.now();
        return absentFrom != null && absentUntil != null && !today.isBefore(absentFrom) && !today.isAfter(absentUntil);
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
