package com.partnerportal.web.ui;

import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.text.MessageFormat;
import java.util.Objects;
import org.primefaces.component.inputtextarea.InputTextarea;

/**
 * Every text a page's form sends passes the same rule as the API's bodies ({@link CleanText}): a
 * control character, a bidi override or a broken character is refused beside its field, with what
 * was typed kept; line breaks only in a text area. What passes is stored in normal form C.
 */
@FacesConverter(forClass = String.class)
public class CleanTextConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isEmpty()) {
            return null; // as INTERPRET_EMPTY_STRING_SUBMITTED_VALUES_AS_NULL asks
        }
        String problem = CleanText.problem(value, component instanceof InputTextarea);
        if (problem != null) {
            Object label = component.getAttributes().get("label");
            String message = MessageFormat.format(FacesMessages.text(context, "error.sentence"),
                    label == null ? "" : label, new FieldError("", problem).message(context.getViewRoot().getLocale()));
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
        return CleanText.normalize(value);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return Objects.toString(value, "");
    }
}
