package com.partnerportal.lead;

/** {@code POST /api/leads/{id}/activities}: kind, when it happened (default now) and a note. */
public record ActivityInput(String kind, String at, String note) {
}
