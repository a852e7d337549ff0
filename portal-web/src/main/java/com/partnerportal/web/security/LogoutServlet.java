package com.partnerportal.web.security;

import com.partnerportal.platform.PortalUrl;
import com.partnerportal.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ends the portal session and the Keycloak single sign-on session, then returns to the portal,
 * which asks for a new login. Only a POST with the session's logout token logs out: another site's
 * {@code <img src=".../logout">} or link cannot.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    /** Same default as {@code WEB-INF/oidc.json}. */
    static final String DEFAULT_PROVIDER = "http://localhost:8180/realms/partner-portal";
    static final String TOKEN = "portal.logout-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private CurrentUser currentUser;

    /** The token the logout form of this session carries, made on first use. */
    public static String token(HttpSession session) {
        Object token = session.getAttribute(TOKEN);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(TOKEN, token);
        }
        return (String) token;
    }

    /** A GET does not log out; it goes home. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(PortalUrl.of("/").toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(TOKEN);
        String sent = request.getParameter("token");
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String idToken = currentUser.idToken();
        request.logout(); // which may end the session already
        HttpSession left = request.getSession(false);
        if (left != null) {
            left.invalidate();
        }
        String provider = Settings.value("portal.oidc.provider-url", DEFAULT_PROVIDER);
        StringBuilder endSession = new StringBuilder(provider).append("/protocol/openid-connect/logout?client_id=portal-web")
                .append("&post_logout_redirect_uri=").append(URLEncoder.encode(PortalUrl.of("/").toString(), StandardCharsets.UTF_8));
        if (idToken != null) {
            endSession.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
        }
        response.sendRedirect(endSession.toString());
    }
}
