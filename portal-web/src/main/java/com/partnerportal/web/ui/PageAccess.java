package com.partnerportal.web.ui;

import com.partnerportal.web.security.CurrentUser;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Opens a page only to whom {@link PortalPage} allows it: anyone else gets the portal's "no access"
 * page at once (403) instead of a form that fails on save, and an address that is no page gets the
 * portal's "not found" page (404).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class PageAccess extends HttpFilter {

    /** JSF's own resources (style sheets, scripts) are served under this prefix. */
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    private CurrentUser user;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (path.startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PortalPage> page = PortalPage.at(path);
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (!page.get().mayOpen(user.caller())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            chain.doFilter(request, response);
        }
    }
}
