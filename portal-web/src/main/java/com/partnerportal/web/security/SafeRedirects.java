package com.partnerportal.web.security;

import com.partnerportal.platform.PortalUrl;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Redirects of the portal (after a form, to a lead's page) point at the configured base URL: the
 * servlet container would complete a relative address with the request's {@code Host} header, which
 * whoever sends the request chooses.
 */
@WebFilter(urlPatterns = "/*")
public class SafeRedirects extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(absolute(request, location));
            }
        });
    }

    static String absolute(HttpServletRequest request, String location) {
        URI target = URI.create(location);
        if (target.isAbsolute()) {
            return location;
        }
        URI origin = PortalUrl.of("/").resolve("/");
        return origin.resolve(request.getRequestURI()).resolve(target).toString();
    }
}
