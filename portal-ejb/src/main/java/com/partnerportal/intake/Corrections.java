package com.partnerportal.intake;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's corrections of a lead's data, per column with who and when, and the value each
 * replaced: a later delivery of the same lead keeps the correction, and a delivery that brings a
 * third value is shown to the reviewer instead of taken.
 */
@Stateless
public class Corrections {

    /** One corrected column. */
    public record Correction(ImportColumn column, String value, String replaced, String by, Instant at) {
    }

    @PersistenceContext
    private EntityManager em;

    public void save(long leadId, ImportColumn column, String value, String replaced, String by, Instant at) {
        em.createNativeQuery("delete from lead_correction where lead_id = :lead and field = :field")
                .setParameter("lead", leadId).setParameter("field", column.header).executeUpdate();
        em.createNativeQuery("""
                        insert into lead_correction (lead_id, field, corrected_value, replaced_value, corrected_by, corrected_at)
                        values (:lead, :field, :value, :replaced, :by, :at)""")
                .setParameter("lead", leadId).setParameter("field", column.header).setParameter("value", value)
                .setParameter("replaced", replaced).setParameter("by", by).setParameter("at", at).executeUpdate();
    }

    /** The corrections of a lead, by column. */
    public Map<ImportColumn, Correction> of(long leadId) {
        Map<ImportColumn, Correction> corrections = new EnumMap<>(ImportColumn.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select field, corrected_value, replaced_value, corrected_by, corrected_at
                        from lead_correction where lead_id = :lead""").setParameter("lead", leadId).getResultList();
        for (Object[] row : rows) {
            ImportColumn.named((String) row[0]).ifPresent(column -> corrections.put(column, new Correction(column,
                    (String) row[1], (String) row[2], (String) row[3], com.partnerportal.platform.Databases.instant(row[4]))));
        }
        return corrections;
    }
}
