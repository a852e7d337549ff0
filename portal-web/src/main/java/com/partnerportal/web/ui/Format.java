package com.partnerportal.web.ui;

import com.partnerportal.lead.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/** Formatting for the pages, in the page's language; times in the portal's zone. */
@Named
@ApplicationScoped
public class Format {

    /** The zone people of the manufacturer and its partners live in. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public String join(Collection<?> values) {
        return values == null ? "" : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(ZONE).format(instant);
    }

    public String money(Money money) {
        if (money == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(money.currency()));
        return format.format(new BigDecimal(money.amount()));
    }

    /** {@code REGION:DE-HH} → "Region DE-HH", the code's label from the bundle and its value. */
    public String reason(String reason, ResourceBundle messages) {
        int colon = reason.indexOf(':');
        String code = colon < 0 ? reason : reason.substring(0, colon);
        String value = colon < 0 ? "" : reason.substring(colon + 1);
        String key = "reason." + code;
        String label = messages.containsKey(key) ? messages.getString(key) : code;
        return value.isEmpty() ? label : label + " " + value;
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }
}
