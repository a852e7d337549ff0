package com.partnerportal.lead;

import java.util.Arrays;
import java.util.List;

/**
 * One reason a lead waits for review: its code, the values it found (the page shows them in the
 * reader's language), the sentence in English the API gives as {@code detail}, and for a probable
 * duplicate the ids of the leads it may repeat, for an existing customer the customer's key.
 */
public record ReviewReason(ReviewCode code, String detail, List<String> arguments, List<Long> candidates,
                           String customer) {

    /** How the arguments are kept in one column. */
    private static final String SEPARATOR = "|";

    public static ReviewReason of(ReviewCode code, Object... arguments) {
        return of(code, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    private static ReviewReason of(ReviewCode code, List<String> values) {
        List<Long> candidates = code != ReviewCode.PROBABLE_DUPLICATE || values.isEmpty() ? null
                : Arrays.stream(values.get(0).split(",\\s*")).map(Long::valueOf).toList();
        String customer = code == ReviewCode.EXISTING_CUSTOMER && !values.isEmpty() ? values.get(0) : null;
        return new ReviewReason(code, code.english(values), values, candidates, customer);
    }

    /** A reason as stored: its code and its arguments in one column. */
    public static ReviewReason stored(String code, String arguments) {
        return of(ReviewCode.valueOf(code), arguments == null || arguments.isEmpty() ? List.of()
                : List.of(arguments.split("\\" + SEPARATOR, -1)));
    }

    String storedArguments() {
        return String.join(SEPARATOR, arguments.stream().map(a -> a.replace(SEPARATOR, "/")).toList());
    }
}
