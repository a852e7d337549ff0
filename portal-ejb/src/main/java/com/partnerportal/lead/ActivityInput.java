package com.partnerportal.lead;

import com.partnerportal.platform.MultiLine;

/** {@code POST /api/leads/{id}/activities}: kind, when it happened (default now) and a note. */
public record ActivityInput(String kind, String at, @MultiLine String note) {
}
