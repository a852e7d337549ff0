package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewReason;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead delivered again (the same source and external id): its data updates the stored lead while
 * the lead has not gone to the pool yet, except where a reviewer corrected a column. A delivery that
 * brings the value the correction replaced keeps the correction silently; one that brings a third
 * value keeps it too and holds the lead for review ({@code CORRECTION_CONFLICT}) with both values.
 */
@Stateless
public class Redelivery {

    @Inject
    private LeadService leads;

    @Inject
    private Corrections corrections;

    @Inject
    private IntakeScreen screen;

    public Delivery apply(Caller caller, LeadView stored, LeadInput input) {
        if (!LeadService.REDELIVERABLE.contains(stored.state())) {
            return new Delivery(stored.id(), stored.state(), Delivery.Outcome.UNCHANGED);
        }
        Map<ImportColumn, String> delivered = LeadColumns.of(input);
        List<ReviewReason> conflicts = new ArrayList<>();
        for (Corrections.Correction correction : corrections.of(stored.id()).values()) {
            String value = clean(delivered.get(correction.column()));
            if (!Objects.equals(value, correction.value()) && !Objects.equals(value, correction.replaced())) {
                conflicts.add(ReviewReason.of(ReviewCode.CORRECTION_CONFLICT, correction.column().header,
                        value == null ? "–" : value, correction.value() == null ? "–" : correction.value()));
            }
            delivered.put(correction.column(), correction.value());
        }
        List<FieldError> problems = new ArrayList<>();
        LeadInput merged = LeadColumns.input(delivered, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LeadView updated = leads.redeliver(caller, stored.id(), merged, screen, conflicts);
        return updated == null ? new Delivery(stored.id(), stored.state(), Delivery.Outcome.UNCHANGED)
                : new Delivery(updated.id(), updated.state(), Delivery.Outcome.UPDATED);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
