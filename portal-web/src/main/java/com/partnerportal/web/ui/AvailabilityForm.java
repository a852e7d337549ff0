package com.partnerportal.web.ui;

import com.partnerportal.partner.Availability;
import com.partnerportal.partner.PartnerView;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The capacity and absence inputs, shared by the partner form and the reseller admin's page. The
 * dates are the browser's date fields' text (yyyy-MM-dd), checked by the business layer together
 * with the capacity, so that every wrong field is named at once and nothing typed is lost.
 */
public class AvailabilityForm implements Serializable {

    private Integer capacity = 10;
    private String absentFrom;
    private String absentUntil;

    void fill(PartnerView partner) {
        capacity = partner.capacity();
        absentFrom = Objects.toString(partner.absentFrom(), null);
        absentUntil = Objects.toString(partner.absentUntil(), null);
    }

    Availability toAvailability() {
        return new Availability(capacity, absentFrom, absentUntil);
    }

    public boolean isAbsentToday() {
        try {
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC); // the day the claim's rules count absences by
            return absentFrom != null && absentUntil != null && !today.isBefore(LocalDate.parse(absentFrom))
                    && !today.isAfter(LocalDate.parse(absentUntil));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getAbsentFrom() {
        return absentFrom;
    }

    public void setAbsentFrom(String absentFrom) {
        this.absentFrom = absentFrom;
    }

    public String getAbsentUntil() {
        return absentUntil;
    }

    public void setAbsentUntil(String absentUntil) {
        this.absentUntil = absentUntil;
    }
}
