package com.partnerportal.partner;

/** What a reseller admin keeps current: how many open leads the team takes, and when it is away. */
public record Availability(Integer capacity, String absentFrom, String absentUntil) {
}
