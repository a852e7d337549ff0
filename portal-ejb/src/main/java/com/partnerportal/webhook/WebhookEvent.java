package com.partnerportal.webhook;

import com.partnerportal.lead.LeadState;
import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can hear of, by the code it chooses ({@code lead.claimed}). */
public enum WebhookEvent {
    LEAD_OFFERED("lead.offered"),
    LEAD_CLAIMED("lead.claimed"),
    LEAD_STAGE_CHANGED("lead.stage_changed"),
    LEAD_RECALLED("lead.recalled"),
    LEAD_WITHDRAWN("lead.withdrawn"),
    LEAD_CLOSED("lead.closed");

    private final String code;

    WebhookEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The move takes the lead from the partner that held it: it hears of it, no longer of its prospect. */
    boolean takesLeadAway() {
        return this == LEAD_RECALLED || this == LEAD_WITHDRAWN;
    }

    public static Optional<WebhookEvent> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    /** The event a move of a lead is, if a webhook tells of it. */
    static Optional<WebhookEvent> of(LeadState from, LeadState to) {
        if (from == null) {
            return to == LeadState.CLAIMED ? Optional.of(LEAD_CLAIMED) : Optional.empty(); // a customer's lead to its owner
        }
        return Optional.ofNullable(switch (to) {
            case CLAIMED -> LEAD_CLAIMED;
            case CONTACTED, SALES_QUALIFIED, PROPOSAL -> LEAD_STAGE_CHANGED;
            case WON, LOST -> LEAD_CLOSED;
            case RECALLED -> LEAD_RECALLED;
            case WITHDRAWN -> LEAD_WITHDRAWN;
            default -> null;
        });
    }
}
