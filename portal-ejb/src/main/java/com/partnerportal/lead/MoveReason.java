package com.partnerportal.lead;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a lead moved, as its timeline records it: a code and its arguments, so that each page shows it
 * in the reader's language with names for the codes it carries (a partner's name for its key, a
 * return reason's label), and the API gives a sentence and the same code and arguments. Stored as
 * {@code CODE|argument|argument}; the last argument may be free text and contain anything.
 */
public enum MoveReason {
    RECEIVED("received from {0}", Argument.SOURCE),
    REVIEW("held for review: {0}", Argument.TEXT),
    QUALIFIED("qualified"),
    PUBLISHED("published to the partner pool"),
    TAKEN_BACK("taken back from the pool"),
    CLAIMED("claimed for {0}", Argument.PARTNER),
    FIRST_CONTACT("first contact: {0}", Argument.ACTIVITY),
    RETURNED("returned by {0}: {1}", Argument.PARTNER, Argument.RETURN_REASON),
    RECALLED("taken back from {0}: no activity logged within {1} h of the claim", Argument.PARTNER, Argument.NUMBER),
    CLOSED("closed: {0}", Argument.TEXT),
    STAGE("moved on in the pipeline"),
    WON("won: {0}", Argument.MONEY),
    LOST("lost: {0}", Argument.LOSS_REASON),
    CONSENT_WITHDRAWN("the prospect withdrew consent for {0}", Argument.PARTNER),
    ERASED("the prospect's personal data was erased on request"),
    ROUTED("a lead of customer {0}: given to its owner {1}", Argument.TEXT, Argument.PARTNER),
    RELEASED("released after review"),
    NURTURE("kept by marketing until a buying signal arrives"),
    REJECTED("rejected at review: {0}", Argument.REJECT_REASON),
    MERGED("merged into lead {0}", Argument.NUMBER),
    CORRECTED("corrected at review: {0}", Argument.TEXT),
    RETURN_FOLLOW_UP("the follow-up of the return reason {0}", Argument.RETURN_REASON),
    HANDED_OVER("received from {0}, handed to the partners by the routing rule of {1}", Argument.SOURCE, Argument.RULE),
    KEPT_FOR_NURTURE("received from {0}, kept by marketing: no routing rule of its market hands it over yet (score {1})",
            Argument.SOURCE, Argument.NUMBER);

    /** What an argument is, so that a page can show its name rather than its code. */
    public enum Argument { SOURCE, TEXT, PARTNER, ACTIVITY, RETURN_REASON, LOSS_REASON, REJECT_REASON, MONEY, NUMBER, RULE }

    private static final String SEPARATOR = "|";

    private final String english;
    private final List<Argument> arguments;

    MoveReason(String english, Argument... arguments) {
        this.english = english;
        this.arguments = List.of(arguments);
    }

    public List<Argument> arguments() {
        return arguments;
    }

    /** The reason as the timeline stores it. */
    public String encode(Object... values) {
        if (values.length != arguments.size()) {
            throw new IllegalArgumentException(this + " takes " + arguments.size() + " arguments");
        }
        StringBuilder stored = new StringBuilder(name());
        for (Object value : values) {
            stored.append(SEPARATOR).append(value);
        }
        return stored.toString();
    }

    /** A stored reason read back: its code and arguments. */
    public record Decoded(MoveReason reason, List<String> values) {

        /** The reason in English, as the API gives it. */
        public String english() {
            Object[] shown = values.toArray();
            for (int i = 0; i < shown.length; i++) {
                if (reason.arguments.get(i) == Argument.RULE) {
                    shown[i] = RoutingTerms.decode(values.get(i)).english();
                }
            }
            return new MessageFormat(reason.english, Locale.ENGLISH).format(shown);
        }
    }

    /** The stored reason decoded, or null if it is none or free text of an older version of the portal. */
    public static Decoded decode(String stored) {
        if (stored == null) {
            return null;
        }
        String code = stored.contains(SEPARATOR) ? stored.substring(0, stored.indexOf(SEPARATOR)) : stored;
        MoveReason reason = Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst().orElse(null);
        if (reason == null) {
            return null;
        }
        int arity = reason.arguments.size();
        String rest = stored.length() > code.length() ? stored.substring(code.length() + 1) : "";
        List<String> values = arity == 0 ? List.of() : List.of(rest.split("\\" + SEPARATOR, arity));
        return values.size() == arity ? new Decoded(reason, values) : null;
    }
}
