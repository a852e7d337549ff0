package com.partnerportal.reference;

/**
 * One entry of a catalogue as the boundaries show it; an inactive code stays on what has it, but is not chosen anew.
 * A return reason has the action that follows it ({@link ReturnAction}); other codes have none.
 */
public record Code(String code, Label label, boolean active, ReturnAction action) {

    /**
     * A catalogue entry as the portal admin writes it ({@code PUT /api/reference/loss-reasons/{code}}), raw;
     * {@code action} only for return reasons.
     */
    public record Input(String labelDe, String labelEn, Boolean active, String action) {
    }
}
