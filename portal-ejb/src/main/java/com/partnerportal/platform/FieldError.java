package com.partnerportal.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One rejected input field. The message is a key of the {@code ValidationMessages} bundle so
 * that the page and the problem body speak the user's language.
 */
public record FieldError(String field, String messageKey, List<Object> arguments) {

    private static final String BUNDLE = "com.partnerportal.platform.ValidationMessages";

    /** Arguments may be null (the rejected value was missing): they read as empty. */
    public FieldError(String field, String messageKey, Object... arguments) {
        this(field, messageKey, List.of(Arrays.stream(arguments).map(a -> a == null ? "" : a).toArray()));
    }

    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, FieldError.class.getClassLoader());
        return new MessageFormat(bundle.getString(messageKey), locale).format(arguments.toArray());
    }
}
