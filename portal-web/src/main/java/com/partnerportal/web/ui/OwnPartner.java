package com.partnerportal.web.ui;

import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The reseller's own partner profile, shown on the reseller's start page. */
@Named
@RequestScoped
public class OwnPartner {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    private PartnerView partner;

    public PartnerView getPartner() {
        String key = user.caller().partnerKey();
        if (partner == null && key != null && user.caller().isReseller()) {
            partner = directory.find(user.caller(), key);
        }
        return partner;
    }
}
