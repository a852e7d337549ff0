package com.partnerportal.web.ui;

import com.partnerportal.web.api.DatabaseAway;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A page that fails because the database cannot be reached answers 503 with {@code Retry-After} and
 * a page that says so in both languages (web.xml), not the page of an unexpected error.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class DatabaseAwayPage extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseAwayPage.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseAway.causes(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "The database cannot be reached: " + e);
            response.reset();
            response.setHeader("Retry-After", Integer.toString(DatabaseAway.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
