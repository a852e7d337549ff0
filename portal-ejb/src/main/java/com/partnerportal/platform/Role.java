package com.partnerportal.platform;

/** The realm roles of the contract; {@link #realmName()} is the name in the token. */
public enum Role {
    CHANNEL_MANAGER("channel-manager"),
    RESELLER_REP("reseller-rep"),
    RESELLER_ADMIN("reseller-admin"),
    PORTAL_ADMIN("portal-admin"),
    LEAD_INGEST("lead-ingest");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }
}
