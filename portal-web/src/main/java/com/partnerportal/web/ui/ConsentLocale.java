package com.partnerportal.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The language of the public consent page for this request: the one the page asked for
 * ({@code lang}, in the link and in each of its forms), else the browser's, German or English.
 */
@Named
@RequestScoped
public class ConsentLocale {

    public String getLanguage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String asked = faces.getExternalContext().getRequestParameterMap().get("lang");
        if ("de".equals(asked) || "en".equals(asked)) {
            return asked;
        }
        Locale browser = faces.getExternalContext().getRequestLocale();
        return browser != null && "de".equals(browser.getLanguage()) ? "de" : "en";
    }

    public Locale getLocale() {
        return "de".equals(getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }
}
