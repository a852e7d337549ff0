package com.partnerportal.partner;

import java.time.LocalDate;
import java.util.SortedSet;

/** A partner profile as the boundaries show it; field names are those of the REST contract. */
public record PartnerView(String key, String name, Tier tier, SortedSet<String> regions,
                          SortedSet<String> certifications, SortedSet<String> products,
                          SortedSet<SizeClass> sizeFocus, int capacity,
                          LocalDate absentFrom, LocalDate absentUntil) {
}
