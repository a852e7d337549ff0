package com.partnerportal.web.ui;

import com.partnerportal.apiclient.ApiClient;
import com.partnerportal.apiclient.ApiClients;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.UnavailableException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A partner's admin makes API credentials for its CRM (the secret shown once) and revokes them. */
@Named
@ViewScoped
public class ApiClientEditor implements Serializable {

    @Inject
    private ApiClients clients;

    @Inject
    private CurrentUser user;

    private String name;
    private ApiClients.Made made;
    private List<ApiClient.View> items;

    public List<ApiClient.View> getItems() {
        if (items == null) {
            items = clients.list(user.caller());
        }
        return items;
    }

    public void create() {
        try {
            made = clients.create(user.caller(), new ApiClients.Input(name));
            name = null;
            items = null;
            FacesMessages.info("apiClients.created");
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("apiClientForm", e);
        } catch (UnavailableException e) {
            FacesMessages.error("apiClients.unavailable");
        }
    }

    public void revoke(long id) {
        try {
            clients.revoke(user.caller(), id);
            made = null;
            items = null;
            FacesMessages.info("apiClients.revoked");
        } catch (UnavailableException e) {
            FacesMessages.error("apiClients.unavailable");
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ApiClients.Made getMade() { return made; }
}
