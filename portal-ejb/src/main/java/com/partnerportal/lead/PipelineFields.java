package com.partnerportal.lead;

import com.partnerportal.platform.MultiLine;

/**
 * The fields of a lead its partner keeps up to date while it works it ({@code PATCH /api/leads/{id}}),
 * raw, so that each wrong value is reported against its field. Nothing else of a lead can be changed
 * this way.
 */
public record PipelineFields(String stage, Money expectedRevenue, String expectedCloseDate, String followUpAt,
                             String lossReasonCode, @MultiLine String lossComment, Money wonRevenue, String assignee) {

    public static final String STAGE = "stage";
    public static final String EXPECTED_REVENUE = "expectedRevenue";
    public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";
    public static final String FOLLOW_UP_AT = "followUpAt";
    public static final String LOSS_REASON_CODE = "lossReasonCode";
    public static final String LOSS_COMMENT = "lossComment";
    public static final String WON_REVENUE = "wonRevenue";
    public static final String ASSIGNEE = "assignee";
}
