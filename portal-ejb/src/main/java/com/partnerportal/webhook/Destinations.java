package com.partnerportal.webhook;

import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may go: an absolute https address (http too where private destinations are allowed)
 * whose host resolves only to public addresses. Loopback, private, link-local and unique-local
 * addresses are refused (no request of the portal's may reach its own network on a partner's say-so),
 * checked when the endpoint is registered and again before every delivery, since a name can resolve
 * elsewhere later. The demo run and the tests allow them ({@code portal.webhooks.private-destinations}).
 */
final class Destinations {

    private Destinations() {
    }

    static boolean privateAllowed() {
        return Boolean.parseBoolean(Settings.value("portal.webhooks.private-destinations", "false"));
    }

    /** The endpoint's address, or a 400 naming {@code url}. */
    static URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw invalid("webhookUrl");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http") && privateAllowed())) {
            throw invalid("webhookUrl");
        }
        if (refused(uri)) {
            throw invalid("webhookPrivate");
        }
        return uri;
    }

    /** Whether the host resolves to an address a webhook may not reach (or does not resolve). */
    static boolean refused(URI uri) {
        if (privateAllowed()) {
            return false;
        }
        try {
            resolve(uri.getHost());
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * The host's addresses, if a webhook may reach all of them: the request connects to these, so a
     * name that resolves elsewhere between a check and the connection cannot lead it into the portal's
     * network.
     */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (!privateAllowed()) {
            for (InetAddress address : addresses) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    throw new UnknownHostException(host + " resolves to a private address");
                }
            }
        }
        return addresses;
    }

    private static InvalidInputException invalid(String key) {
        return new InvalidInputException(List.of(new FieldError("url", key)));
    }
}
