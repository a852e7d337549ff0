package com.partnerportal.web.security;

import com.partnerportal.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the portal session and the Keycloak single sign-on session, then returns to the portal,
 * which asks for a new login.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    /** Same default as {@code WEB-INF/oidc.json}. */
    static final String DEFAULT_PROVIDER = "http://localhost:8180/realms/partner-portal";

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String idToken = currentUser.idToken();
        String home = request.getRequestURL().toString().replaceFirst("/logout$", "/");
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        String provider = Settings.value("portal.oidc.provider-url", DEFAULT_PROVIDER);
        StringBuilder endSession = new StringBuilder(provider).append("/protocol/openid-connect/logout?client_id=portal-web")
                .append("&post_logout_redirect_uri=").append(URLEncoder.encode(home, StandardCharsets.UTF_8));
        if (idToken != null) {
            endSession.append("&id_token_hint=").append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
        }
        response.sendRedirect(endSession.toString());
    }
}
