package com.partnerportal.web.ui;

import com.partnerportal.platform.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Puts the outcome of a use case on the page: a rejected field next to its input, the rest on top. */
final class FacesMessages {

    private FacesMessages() {
    }

    static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = arguments.length == 0 ? text(context, key) : MessageFormat.format(text(context, key), arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** A confirmation that survives the redirect that follows (the flash keeps it). */
    static void infoAfterRedirect(String key) {
        info(key);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** A warning that survives the redirect that follows (the flash keeps it). */
    static void warnAfterRedirect(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text(context, key), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }

    /** A partner that holds more open leads than its new capacity is offered none until it holds fewer. */
    static void overCapacity(com.partnerportal.partner.PartnerView partner) {
        if (partner.isOverCapacity()) {
            FacesContext context = FacesContext.getCurrentInstance();
            String text = MessageFormat.format(text(context, "capacity.belowOpen"), partner.openLeads(), partner.capacity());
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
        }
    }

    static void warn(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text(context, key), null));
    }

    static void error(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(context, key), null));
    }

    /**
     * A refusal of the business layer, once, as the sentence of its reason code in the user's language
     * ({@code refusal.CODE}); the layer's own English sentence is for the API.
     */
    static void refusal(String code) {
        FacesContext context = FacesContext.getCurrentInstance();
        String key = "refusal." + (code == null ? "OTHER" : code);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(context, key), null));
    }

    /**
     * Each field error goes, as a sentence, to the input whose id is the field's name (without an
     * index) in {@code form}: the bundle's own sentence for the field and error where it has one
     * ({@code error.company.name.required}: "Enter the company's name."), else the field's label
     * and the error ("Capacity must be between 0 and 10000.").
     */
    static void fieldErrors(String form, InvalidInputException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent root = context.getViewRoot();
        Locale locale = context.getViewRoot().getLocale();
        for (var error : e.errors()) {
            String field = error.field().replaceFirst("\\[\\d+]$", "");
            String id = field.replace('.', '_');
            String own = "error." + field + "." + error.messageKey();
            String message = has(context, own) ? text(context, own)
                    : new MessageFormat(text(context, "error.sentence"), locale)
                            .format(new Object[] {text(context, "field." + field), error.message(locale)});
            UIComponent input = root.findComponent(":" + form + ":" + id);
            context.addMessage(input == null ? null : input.getClientId(context),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        context.validationFailed();
    }

    private static boolean has(FacesContext context, String key) {
        return context.getApplication().getResourceBundle(context, "msg").containsKey(key);
    }

    static String text(FacesContext context, String key) {
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
