package com.partnerportal.web.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A cockpit view's lasting address, {@code /cockpit/from=2026-09-01&partner=nordlicht} (and
 * {@code /cockpit-leads/...} for the leads behind a number): the filters in the path, which the
 * login keeps on the way back from Keycloak where it drops a query string. The pages show this
 * address in the address bar, so a bookmark or a link sent to a colleague opens the same view.
 */
@WebServlet({"/cockpit/*", "/cockpit-leads/*"})
public class CockpitLink extends HttpServlet {

    /** Filters as the pages write them: names, values of letters, digits and a few marks, URL-encoded. */
    private static final Pattern FILTERS = Pattern.compile("[A-Za-z0-9=&._%+-]{0,1000}");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getServletPath().equals("/cockpit-leads") ? "/cockpit-leads.xhtml" : "/cockpit.xhtml";
        String raw = request.getRequestURI().substring((request.getContextPath() + request.getServletPath()).length());
        String filters = raw.startsWith("/") ? raw.substring(1) : raw;
        boolean clean = FILTERS.matcher(filters).matches() && !filters.isEmpty();
        response.sendRedirect(request.getContextPath() + page + (clean ? "?" + filters : ""));
    }
}
