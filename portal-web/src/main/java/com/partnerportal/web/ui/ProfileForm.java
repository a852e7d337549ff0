package com.partnerportal.web.ui;

import com.partnerportal.user.OfferMail;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The user's own profile: who the portal knows it as, and how it hears of leads offered to its partner. */
@Named
@ViewScoped
public class ProfileForm implements Serializable {

    @Inject
    private PortalUsers users;

    @Inject
    private CurrentUser user;

    private PortalUser.Profile profile;
    private OfferMail offerMail;

    @PostConstruct
    void load() {
        profile = users.profile(user.caller());
        offerMail = profile.offerMail();
    }

    public void save() {
        profile = users.prefer(user.caller(), offerMail);
        FacesMessages.info("profile.saved");
    }

    public PortalUser.Profile getProfile() {
        return profile;
    }

    /** Offers reach reseller users only: the manufacturer's users have nothing to choose. */
    public boolean isOffered() {
        return profile.partner() != null;
    }

    public List<OfferMail> getChoices() {
        return List.of(OfferMail.values());
    }

    public OfferMail getOfferMail() {
        return offerMail;
    }

    public void setOfferMail(OfferMail offerMail) {
        this.offerMail = offerMail;
    }
}
