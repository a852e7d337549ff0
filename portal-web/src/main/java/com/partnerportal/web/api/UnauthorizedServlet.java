package com.partnerportal.web.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of every 401 (web.xml error page): the OIDC mechanism refuses a request without a valid
 * bearer token with a bare status; API clients get a problem body like every other refusal.
 */
@WebServlet("/problem/unauthorized")
public class UnauthorizedServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,\
                "detail":"Send a valid bearer token from the partner-portal realm"}""");
    }
}
