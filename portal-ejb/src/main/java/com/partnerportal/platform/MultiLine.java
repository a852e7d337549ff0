package com.partnerportal.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of an input that may span lines (a note, a handover protocol): the boundary lets line
 * breaks and tabs through there ({@link CleanText}), nowhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface MultiLine {
}
