package com.partnerportal.web.ui;

import com.partnerportal.notification.Notifications;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.web.security.CurrentUser;
import com.partnerportal.web.security.LogoutServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the page frame needs to know about the user: name, the menu of pages it may open, unread notifications, logout. */
@Named
@RequestScoped
public class Shell {

    @Inject
    private CurrentUser user;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Notifications notifications;

    private Long unread;

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

    /** The pages this user may open, for the menu. */
    public List<PortalPage> getMenu() {
        return PortalPage.menu(user.caller());
    }

    /** The page being shown, to mark its menu entry. */
    public PortalPage getCurrent() {
        return PortalPage.at(request.getServletPath()).orElse(null);
    }

    /** How many notifications the user has not read, for the bell. */
    public long getUnread() {
        if (unread == null) {
            unread = notifications.unreadCount(user.caller());
        }
        return unread;
    }

    public String getLogoutToken() {
        return LogoutServlet.token(request.getSession());
    }

    public String getRoleName() {
        return user.caller().roles().stream().findFirst().map(Role::realmName).orElse("none");
    }
}
