package com.partnerportal.privacy;

import java.util.List;

/**
 * A prospect's personal data was erased (GDPR Art. 17), announced inside the erasure's transaction for
 * whoever keeps a copy of the lead elsewhere (the webhook outbox): each takes its copy's contact out and
 * puts {@link #MARK} where one of {@code values} (the prospect's name, e-mail, phone) stood in a text
 * that stays. The erasure then searches every table for the values and says where any is still held.
 */
public record ProspectErased(long leadId, List<String> values) {

    /** What stands in a text that stays where an erased value stood. */
    public static final String MARK = "[erased]";
}
