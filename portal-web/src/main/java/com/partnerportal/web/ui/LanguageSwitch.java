package com.partnerportal.web.ui;

import com.partnerportal.user.PortalUsers;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * The language of the pages: the one the user last chose on this browser (a cookie, so that a new session,
 * after the old one ran out, keeps it), else the browser's first choice of German or English.
 */
@Named
@SessionScoped
public class LanguageSwitch implements Serializable {

    static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private static final String COOKIE = "portal.language";

    private static final int KEPT = (int) Duration.ofDays(365).toSeconds();

    @Inject
    private PortalUsers users;

    @Inject
    private CurrentUser user;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Object chosen = external.getRequestCookieMap().get(COOKIE);
            locale = supported(chosen instanceof Cookie cookie ? cookie.getValue() : external.getRequestLocale().getLanguage());
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /**
     * Switches the pages' language; the switch re-renders the page's body (update @all), which leaves the
     * {@code lang} of the html element as it was, so it is set here too: screen readers and hyphenation
     * follow it.
     */
    public void setLanguage(String language) {
        locale = supported(language);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        faces.getExternalContext().addResponseCookie(COOKIE, locale.getLanguage(), Map.of("path",
                faces.getExternalContext().getRequestContextPath() + "/", "maxAge", KEPT, "httpOnly", true));
        PrimeFaces.current().executeScript("document.documentElement.lang = '" + locale.getLanguage() + "';");
        users.speaks(user.caller().username(), locale.getLanguage()); // mails follow the pages' language
    }

    private static Locale supported(String language) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.ENGLISH);
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }
}
