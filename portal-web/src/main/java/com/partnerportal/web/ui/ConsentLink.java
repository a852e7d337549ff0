package com.partnerportal.web.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The link in a prospect's mail, {@code /consent/<token>}: shows the public consent page (no login)
 * for that token, which stays in the path only; the page's own posts carry it in their view.
 */
@WebServlet("/consent/*")
public class ConsentLink extends HttpServlet {

    /** The request attribute the page reads the token from. */
    static final String TOKEN = "consentToken";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        request.setAttribute(TOKEN, path == null ? "" : path.substring(1));
        response.setHeader("Referrer-Policy", "no-referrer"); // the token must not travel on in a Referer
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/consent.xhtml").forward(request, response);
    }
}
