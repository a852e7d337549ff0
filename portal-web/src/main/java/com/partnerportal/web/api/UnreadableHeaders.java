package com.partnerportal.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * An {@code Accept} or {@code Accept-Language} header the API cannot read counts as not sent: the
 * JAX-RS runtime would refuse the whole request with an HTML page before any of the API's own
 * answers (problem bodies, in a language the caller can read) could be given.
 */
@WebFilter(urlPatterns = "/api/*")
public class UnreadableHeaders extends HttpFilter {

    private static final Set<String> NEGOTIATED = Set.of(HttpHeaders.ACCEPT.toLowerCase(Locale.ROOT),
            HttpHeaders.ACCEPT_LANGUAGE.toLowerCase(Locale.ROOT));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean readable = acceptReadable(request.getHeader(HttpHeaders.ACCEPT))
                && languageReadable(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        chain.doFilter(readable ? request : withoutNegotiation(request), response);
    }

    private static boolean acceptReadable(String accept) {
        if (accept == null) {
            return true;
        }
        try {
            for (String type : accept.split(",")) {
                if (!type.isBlank()) {
                    MediaType.valueOf(type.strip());
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean languageReadable(String languages) {
        if (languages == null) {
            return true;
        }
        try {
            Locale.LanguageRange.parse(languages);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpServletRequest withoutNegotiation(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return negotiated(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return negotiated(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(name -> !negotiated(name)).toList());
            }
        };
    }

    private static boolean negotiated(String name) {
        return name != null && NEGOTIATED.contains(name.toLowerCase(Locale.ROOT));
    }
}
