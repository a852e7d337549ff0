package com.partnerportal.web.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A lead's lasting address, {@code /lead/{id}}: the address bar shows it on the lead's page, so
 * that a bookmark, a shared link or a reload after the session ran out finds the lead again. The
 * login drops a page's query string on the way back from Keycloak (the OIDC redirect carries the
 * path only), {@code lead.xhtml?id=} would lose its lead.
 */
@WebServlet("/lead/*")
public class LeadLink extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String page = id.matches("\\d{1,18}") ? "/lead.xhtml?id=" + id : "/lead.xhtml";
        response.sendRedirect(request.getContextPath() + page);
    }
}
