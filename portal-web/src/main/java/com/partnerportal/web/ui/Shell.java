package com.partnerportal.web.ui;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the page frame needs to know about the user: name and which menu entries to show. */
@Named
@RequestScoped
public class Shell {

    @Inject
    private CurrentUser user;

    public String getUserName() {
        return user.caller().username();
    }

    public String getPartnerKey() {
        return user.caller().partnerKey();
    }

    public boolean isChannelManager() {
        return user.caller().has(Role.CHANNEL_MANAGER);
    }

    public boolean isManufacturer() {
        return user.caller().isManufacturer();
    }

    public boolean isResellerAdmin() {
        return user.caller().has(Role.RESELLER_ADMIN);
    }

    public boolean isReseller() {
        Caller caller = user.caller();
        return caller.isReseller() && caller.partnerKey() != null;
    }

    public boolean isPortalAdmin() {
        return user.caller().has(Role.PORTAL_ADMIN);
    }

    public String getRoleName() {
        return user.caller().roles().stream().findFirst().map(Role::realmName).orElse("none");
    }
}
