package com.partnerportal.web.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The language of the pages: the browser's first choice of German or English, until the user switches. */
@Named
@SessionScoped
public class LanguageSwitch implements Serializable {

    static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage()))
                    .findFirst().orElse(Locale.ENGLISH);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void setLanguage(String language) {
        locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.ENGLISH);
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        users.speaks(user.caller().username(), locale.getLanguage()); // mails follow the pages' language
    }

    @jakarta.inject.Inject
    private com.partnerportal.user.PortalUsers users;

    @jakarta.inject.Inject
    private com.partnerportal.web.security.CurrentUser user;

    public List<Locale> getSupported() {
        return SUPPORTED;
    }
}
