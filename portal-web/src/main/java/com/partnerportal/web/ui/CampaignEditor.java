package com.partnerportal.web.ui;

import com.partnerportal.cockpit.Campaign;
import com.partnerportal.cockpit.Campaigns;
import com.partnerportal.lead.Money;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The channel manager's campaigns: the list, and a form that adds one or changes the one chosen. */
@Named
@ViewScoped
public class CampaignEditor implements Serializable {

    @Inject
    private Campaigns campaigns;

    @Inject
    private CurrentUser user;

    private List<Campaign.View> list;
    private String code;
    private String name;
    private String costAmount;
    private String costCurrency = "EUR";
    private String from;
    private String to;
    private boolean editing;

    public List<Campaign.View> getList() {
        if (list == null) {
            list = campaigns.list(user.caller());
        }
        return list;
    }

    /** Fills the form with a campaign of the list, to change it. */
    public void edit(Campaign.View campaign) {
        code = campaign.code();
        name = campaign.name();
        costAmount = campaign.cost().amount();
        costCurrency = campaign.cost().currency();
        from = campaign.from() == null ? null : campaign.from().toString();
        to = campaign.to() == null ? null : campaign.to().toString();
        editing = true;
    }

    public void clear() {
        code = null;
        name = null;
        costAmount = null;
        costCurrency = "EUR";
        from = null;
        to = null;
        editing = false;
    }

    public void save() {
        if (!editing && code != null && getList().stream().anyMatch(c -> c.code().equals(code.strip()))) {
            // adding, not changing: a campaign of this code exists, and the form would overwrite it
            FacesMessages.fieldErrors("campaignForm", new com.partnerportal.platform.InvalidInputException(
                    List.of(new com.partnerportal.platform.FieldError("code", "duplicateKey"))));
            return;
        }
        try {
            Money cost = costAmount == null || costAmount.isBlank() ? null : new Money(costAmount, costCurrency);
            campaigns.save(user.caller(), code, new Campaign.Input(name, cost, from, to));
            FacesMessages.info("campaigns.saved");
            list = null;
            clear();
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("campaignForm", e);
        }
    }

    public boolean isEditing() { return editing; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCostAmount() { return costAmount; }
    public void setCostAmount(String costAmount) { this.costAmount = costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public void setCostCurrency(String costCurrency) { this.costCurrency = costCurrency; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
