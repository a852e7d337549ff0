package com.partnerportal.web.ui;

import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Page;
import com.partnerportal.web.security.CurrentUser;
import com.partnerportal.webhook.WebhookEndpoint;
import com.partnerportal.webhook.WebhookEvent;
import com.partnerportal.webhook.WebhookMessage;
import com.partnerportal.webhook.Webhooks;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partner's admin (or the channel manager, for the manufacturer) keeps the webhook endpoints: adds
 * one (its secret shown once), rotates a secret, removes one, and reads an endpoint's delivery log,
 * replaying a delivery.
 */
@Named
@ViewScoped
public class WebhookEditor implements Serializable {

    @Inject
    private Webhooks webhooks;

    @Inject
    private CurrentUser user;

    private String url;
    private List<String> events = new ArrayList<>(List.of("lead.claimed"));
    private String secretShown;
    private Long selected;
    private List<WebhookEndpoint.View> endpoints;

    public List<WebhookEndpoint.View> getEndpoints() {
        if (endpoints == null) {
            endpoints = webhooks.list(user.caller());
        }
        return endpoints;
    }

    public List<String> getEventCodes() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::code).toList();
    }

    public void register() {
        try {
            Webhooks.Registered registered = webhooks.register(user.caller(), new Webhooks.Input(url, events));
            secretShown = registered.secret();
            selected = registered.endpoint().id();
            url = null;
            endpoints = null;
            FacesMessages.info("webhooks.registered");
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("webhookForm", e);
        }
    }

    public void rotate(long id) {
        secretShown = webhooks.rotate(user.caller(), id);
        selected = id;
        FacesMessages.info("webhooks.rotated");
    }

    public void delete(long id) {
        webhooks.delete(user.caller(), id);
        if (selected != null && selected == id) {
            selected = null;
        }
        secretShown = null;
        endpoints = null;
        FacesMessages.info("webhooks.deleted");
    }

    public void select(long id) {
        selected = id;
        secretShown = null;
    }

    /** The newest 50 deliveries of the selected endpoint. */
    public List<WebhookMessage.View> getDeliveries() {
        if (selected == null) {
            return List.of();
        }
        try {
            Page<WebhookMessage.View> page = webhooks.deliveries(user.caller(), selected, 0, 50);
            return page.items();
        } catch (NotFoundException e) {
            selected = null;
            return List.of();
        }
    }

    public void replay(long deliveryId) {
        webhooks.replay(user.caller(), selected, deliveryId);
        endpoints = null;
        FacesMessages.info("webhooks.replayed");
    }

    /** The demo run's receiver, for the channel manager: where the manufacturer's demo endpoint delivers. */
    public boolean isDemoReceiver() {
        return com.partnerportal.webhook.DemoReceiver.enabled() && user.caller().has(com.partnerportal.platform.Role.CHANNEL_MANAGER);
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events; }
    public String getSecretShown() { return secretShown; }
    public Long getSelected() { return selected; }
}
