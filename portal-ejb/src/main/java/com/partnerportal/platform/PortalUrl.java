package com.partnerportal.platform;

import java.net.URI;

/**
 * Absolute addresses of the portal (a {@code Location} header, a link in a mail, the return
 * address after logout) are built from the configured base URL ({@code PORTAL_BASE_URL}), never
 * from the request's {@code Host} header, which the sender chooses.
 */
public final class PortalUrl {

    static final String DEFAULT = "http://localhost:8080/portal";

    private PortalUrl() {
    }

    /** {@code path} (starting with a slash, below the context root) as an absolute URI. */
    public static URI of(String path) {
        String base = Settings.value("portal.base-url", DEFAULT).replaceFirst("/+$", "");
        return URI.create(base + path);
    }
}
