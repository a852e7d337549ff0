package com.partnerportal.reference;

/** One entry of a catalogue as the boundaries show it. */
public record Code(String code, Label label) {
}
