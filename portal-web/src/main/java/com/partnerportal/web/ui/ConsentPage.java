package com.partnerportal.web.ui;

import com.partnerportal.consent.ConsentInvitations;
import com.partnerportal.consent.Decision;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prospect's consent page, public: it shows the partners the prospect may choose and what holds
 * for each, without changing anything; the prospect's choice is a post of the page's form (which
 * carries the view's state, so a forged post changes nothing) and uses the link up. In German or
 * English, from the browser or as chosen on the page.
 */
@Named
@ViewScoped
public class ConsentPage implements Serializable {

    @Inject
    private ConsentInvitations invitations;

    @Inject
    private ConsentLocale locale;

    private String token;
    private ConsentInvitations.Visit visit;
    private final Map<String, String> choices = new LinkedHashMap<>();
    private boolean recorded;
    private boolean renewed;

    /** Called by {@code f:viewAction}: reads the link's token and what it opens. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (token == null) {
            Object fromLink = faces.getExternalContext().getRequestMap().get(ConsentLink.TOKEN);
            token = fromLink == null ? "" : fromLink.toString();
            visit = invitations.visit(token);
            choices.clear();
            visit.partners().forEach(c -> choices.put(c.partner(), c.decision() == Decision.NONE ? null : c.decision().name()));
        }
    }

    public void save() {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        choices.forEach((partner, decision) -> {
            if ("ALLOWED".equals(decision) || "REFUSED".equals(decision)) {
                decisions.put(partner, Decision.valueOf(decision));
            }
        });
        record(decisions);
    }

    public void allowAll() {
        record(all(Decision.ALLOWED));
    }

    public void allowNone() {
        record(all(Decision.REFUSED));
    }

    private Map<String, Decision> all(Decision decision) {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        visit.partners().forEach(c -> decisions.put(c.partner(), decision));
        return decisions;
    }

    private void record(Map<String, Decision> decisions) {
        if (visit.status() != ConsentInvitations.Status.OPEN) {
            return;
        }
        visit = invitations.decide(token, decisions);
        recorded = visit.status() == ConsentInvitations.Status.OPEN;
    }

    /** A fresh link by mail, for a used or expired one. */
    public void renew() {
        invitations.renew(token);
        renewed = true;
    }

    /** The consent text in the page's language. */
    public ConsentInvitations.Text getText() {
        return invitations.text(locale.getLanguage());
    }

    public String getToken() {
        return token;
    }

    public ConsentInvitations.Visit getVisit() {
        return visit;
    }

    public List<ConsentInvitations.Choice> getPartners() {
        return visit == null ? List.of() : visit.partners();
    }

    public Map<String, String> getChoices() {
        return choices;
    }

    public boolean isOpen() {
        return visit != null && visit.status() == ConsentInvitations.Status.OPEN && !recorded;
    }

    public boolean isRecorded() {
        return recorded;
    }

    public boolean isRenewed() {
        return renewed;
    }

    public boolean isClosed() {
        return visit != null && visit.status() != ConsentInvitations.Status.OPEN && !recorded;
    }
}
