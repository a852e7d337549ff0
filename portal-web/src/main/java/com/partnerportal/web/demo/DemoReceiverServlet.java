package com.partnerportal.web.demo;

import com.partnerportal.webhook.DemoReceiver;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the demo run's webhooks arrive ({@link DemoReceiver}): a POST is kept and answered 204; the
 * channel manager reads what arrived on {@code demo-receiver.xhtml}. Outside the demo run: 404.
 */
@WebServlet("/demo-receiver")
public class DemoReceiverServlet extends HttpServlet {

    /** A webhook is under 20 kB; more is not a webhook of the portal's. */
    private static final int MAX_BYTES = 64 * 1024;

    @Inject
    private DemoReceiver receiver;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!DemoReceiver.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES);
        receiver.received(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), new String(body, StandardCharsets.UTF_8));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
