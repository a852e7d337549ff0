package com.partnerportal.web.ui;

import com.partnerportal.platform.InvalidInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Puts the outcome of a use case on the page: a rejected field next to its input, the rest on top. */
final class FacesMessages {

    private FacesMessages() {
    }

    static void info(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(context, key), null));
    }

    /** A warning that survives the redirect that follows (the flash keeps it). */
    static void warnAfterRedirect(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text(context, key), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }

    static void error(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(context, key), null));
    }

    /**
     * A refusal of the business layer: its reason code in the user's language ({@code refusal.CODE}),
     * the layer's own sentence as detail.
     */
    static void refusal(String code, String detail) {
        FacesContext context = FacesContext.getCurrentInstance();
        String key = "refusal." + (code == null ? "OTHER" : code);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(context, key), detail == null ? "" : detail));
    }

    /** Each field error goes to the input whose id is the field's name (without an index) in {@code form}. */
    static void fieldErrors(String form, InvalidInputException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent root = context.getViewRoot();
        for (var error : e.errors()) {
            String field = error.field().replaceFirst("\\[\\d+]$", "");
            String id = field.replace('.', '_');
            String label = text(context, "field." + field);
            String message = label + ": " + error.message(context.getViewRoot().getLocale());
            UIComponent input = root.findComponent(":" + form + ":" + id);
            context.addMessage(input == null ? null : input.getClientId(context),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        context.validationFailed();
    }

    private static String text(FacesContext context, String key) {
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
