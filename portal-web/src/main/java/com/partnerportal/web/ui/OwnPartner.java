package com.partnerportal.web.ui;

import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import com.partnerportal.sla.SlaBreach;
import com.partnerportal.sla.SlaService;

/** The reseller's own partner profile, shown on the reseller's start page. */
@Named
@RequestScoped
public class OwnPartner {

    @Inject
    private PartnerDirectory directory;

    @Inject
    private CurrentUser user;

    @Inject
    private SlaService sla;

    private PartnerView partner;
    private List<SlaBreach.View> breaches;

    public PartnerView getPartner() {
        String key = user.caller().partnerKey();
        if (partner == null && key != null && user.caller().isReseller()) {
            partner = directory.find(user.caller(), key);
        }
        return partner;
    }

    /** The partner's SLA record: the leads taken back because nobody worked them in time. */
    /** The partner's latest SLA breaches, the newest first: five at most, for its home page. */
    public List<SlaBreach.View> getBreaches() {
        if (breaches == null) {
            breaches = getPartner() == null ? List.of() : sla.breaches(user.caller(), partner.key()).stream().limit(5).toList();
        }
        return breaches;
    }
}
