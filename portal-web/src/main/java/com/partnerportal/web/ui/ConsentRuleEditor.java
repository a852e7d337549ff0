package com.partnerportal.web.ui;

import com.partnerportal.lead.ConsentRules;
import com.partnerportal.marketplace.MarketCards;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel manager's privacy settings: which sources and countries need the prospect's consent,
 * and in which markets the marketplace's cards name the company before the claim.
 */
@Named
@ViewScoped
public class ConsentRuleEditor implements Serializable {

    @Inject
    private ConsentRules rules;

    @Inject
    private MarketCards markets;

    @Inject
    private Format format;

    @Inject
    private CurrentUser user;

    private List<MarketCards.Market> marketList;
    private final Map<String, Boolean> shown = new HashMap<>();

    private List<ConsentRules.Rule> list;
    private String source;
    private String country;
    private boolean required = true;

    public List<ConsentRules.Rule> getList() {
        if (list == null) {
            list = rules.list(user.caller());
        }
        return list;
    }

    public void save() {
        try {
            rules.save(user.caller(), new ConsentRules.RuleInput(source, country, required));
            FacesMessages.info("consentRules.saved");
            list = null;
            source = null;
            country = null;
            required = true;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("ruleForm", e);
        }
    }

    public void delete(ConsentRules.Rule rule) {
        try {
            rules.delete(user.caller(), rule.source(), rule.country());
            FacesMessages.info("consentRules.deleted");
        } catch (NotFoundException e) {
            FacesMessages.refusal("NOT_FOUND");
        }
        list = null;
    }

    public List<MarketCards.Market> getMarkets() {
        if (marketList == null) {
            marketList = markets.list(user.caller());
            shown.clear();
            marketList.forEach(market -> shown.put(market.country(), market.companyNameOnCards()));
        }
        return marketList;
    }

    /** The switches of the markets, by country. */
    public Map<String, Boolean> getShown() {
        return shown;
    }

    /** Saves a market's switch as the channel manager just set it. */
    public void showNames(String country) {
        boolean on = Boolean.TRUE.equals(shown.get(country));
        markets.save(user.caller(), country, new MarketCards.MarketInput(on));
        FacesMessages.info(on ? "markets.namesShown" : "markets.namesHidden", format.place(country));
        marketList = null;
    }

    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public boolean isRequired() { return required; }
    public void setRequired(boolean required) { this.required = required; }
}
