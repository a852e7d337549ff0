package com.partnerportal.partner;

/** Partner tier, best first; a better tier sees new leads earlier. */
public enum Tier {
    GOLD, SILVER, BRONZE
}
