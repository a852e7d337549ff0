package com.partnerportal.partner;

import java.util.List;

/**
 * A partner's profile as the channel manager enters it. Raw values, so that a wrong tier or date
 * is reported against its field rather than failing as unreadable JSON.
 */
public record PartnerProfile(String key, String name, String tier, List<String> regions,
                             List<String> certifications, List<String> products,
                             List<String> sizeFocus, Integer capacity,
                             String absentFrom, String absentUntil) {
}
