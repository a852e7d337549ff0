package com.partnerportal.partner;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A partner profile as the boundaries show it; field names are those of the REST contract, and
 * {@code openLeads} says how many leads it holds open against its capacity.
 */
public record PartnerView(String key, String name, Tier tier, SortedSet<String> regions,
                          SortedSet<String> certifications, SortedSet<String> products,
                          SortedSet<SizeClass> sizeFocus, int capacity, int openLeads,
                          LocalDate absentFrom, LocalDate absentUntil) {

    /** Holds more open leads than its capacity (it was lowered): offered none until it holds fewer. */
    public boolean isOverCapacity() {
        return openLeads > capacity;
    }

    /** Absent on the day (in UTC) of this instant: no new leads are offered to the partner. */
    public boolean isAbsentAt(java.time.Instant now) {
        LocalDate day = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        return absentFrom != null && !day.isBefore(absentFrom) && !day.isAfter(absentUntil);
    }
}
