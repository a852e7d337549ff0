package com.partnerportal.web.ui;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.Money;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The channel manager enters a lead by hand (a call, a trade-fair contact). */
@Named
@ViewScoped
public class LeadForm implements Serializable {

    static final String MANUAL_SOURCE = "manual";

    @Inject
    private com.partnerportal.intake.LeadIntake intake;

    @Inject
    private CurrentUser user;

    /** A manual lead gets its external id once per form, so that a double submit stores it once. */
    private final String externalId = UUID.randomUUID().toString();
    private String campaign;
    private String companyName;
    private String sizeClass;
    private String industry;
    private String country;
    private String region;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String street;
    private String postalCode;
    private String city;
    private String product;
    private String requiredCertification;
    private BigDecimal revenue;
    private Integer score;
    private String buyingSignals;
    private List<String> signals = new java.util.ArrayList<>();
    /** "true", "false", or empty: as the consent rules say for the source and country. */
    private String consentRequired = "";
    private String handoverReason;
    private String prospectAsked;
    private String promised;
    private String nextStep;

    public String save() {
        LeadInput input = new LeadInput(MANUAL_SOURCE, externalId, campaign,
                new LeadInput.Company(companyName, sizeClass, industry, country, region),
                new LeadInput.Contact(firstName, lastName, email, phone, street, postalCode, city),
                product, requiredCertification, revenue == null ? null : new Money(revenue.toPlainString(), "EUR"),
                score, buyingSignals, new LeadInput.Handover(handoverReason, prospectAsked, promised, nextStep),
                consentRequired == null || consentRequired.isEmpty() ? null : Boolean.valueOf(consentRequired), signals);
        try {
            long id = intake.deliver(user.caller(), input).id();
            FacesMessages.info("lead.created");
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/lead.xhtml?faces-redirect=true&id=" + id;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("leadForm", e);
        } catch (AccessDeniedException e) {
            FacesMessages.refusal(e.code());
        }
        return null;
    }

    public SizeClass[] getSizeClasses() {
        return SizeClass.values();
    }

    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getSizeClass() { return sizeClass; }
    public void setSizeClass(String sizeClass) { this.sizeClass = sizeClass; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public String getRequiredCertification() { return requiredCertification; }
    public void setRequiredCertification(String requiredCertification) { this.requiredCertification = requiredCertification; }
    public BigDecimal getRevenue() { return revenue; }
    public void setRevenue(BigDecimal revenue) { this.revenue = revenue; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public List<String> getSignals() { return signals; }
    public void setSignals(List<String> signals) { this.signals = signals; }
    /** The buying signals to choose from. */
    public List<com.partnerportal.lead.BuyingSignal> getSignalChoices() { return List.of(com.partnerportal.lead.BuyingSignal.values()); }
    public String getBuyingSignals() { return buyingSignals; }
    public void setBuyingSignals(String buyingSignals) { this.buyingSignals = buyingSignals; }
    public String getHandoverReason() { return handoverReason; }
    public void setHandoverReason(String handoverReason) { this.handoverReason = handoverReason; }
    public String getProspectAsked() { return prospectAsked; }
    public void setProspectAsked(String prospectAsked) { this.prospectAsked = prospectAsked; }
    public String getPromised() { return promised; }
    public void setPromised(String promised) { this.promised = promised; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String nextStep) { this.nextStep = nextStep; }

    public String getConsentRequired() {
        return consentRequired;
    }

    public void setConsentRequired(String consentRequired) {
        this.consentRequired = consentRequired;
    }
}
