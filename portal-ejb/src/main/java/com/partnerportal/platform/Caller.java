package com.partnerportal.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user as the use cases see it: name, roles and, for reseller users, the partner
 * organisation they are bound to. Built by the boundary from the verified token.
 */
public record Caller(String username, Set<Role> roles, String partnerKey) {

    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Manufacturer side: sees every partner. */
    public boolean isManufacturer() {
        return has(Role.CHANNEL_MANAGER) || has(Role.PORTAL_ADMIN);
    }

    public boolean isReseller() {
        return has(Role.RESELLER_REP) || has(Role.RESELLER_ADMIN);
    }

    /** A reseller user only ever sees its own partner; a reseller without a partner sees none. */
    public boolean sees(String partner) {
        return isManufacturer() || (isReseller() && partnerKey != null && partnerKey.equals(partner));
    }
}
