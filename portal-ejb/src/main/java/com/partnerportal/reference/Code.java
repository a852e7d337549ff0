package com.partnerportal.reference;

/** One entry of a catalogue as the boundaries show it; an inactive code stays on what has it, but is not chosen anew. */
public record Code(String code, Label label, boolean active) {

    /** A catalogue entry as the portal admin writes it ({@code PUT /api/reference/loss-reasons/{code}}), raw. */
    public record Input(String labelDe, String labelEn, Boolean active) {
    }
}
