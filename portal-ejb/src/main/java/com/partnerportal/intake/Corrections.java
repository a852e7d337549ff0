package com.partnerportal.intake;

import com.partnerportal.platform.NamedSql;
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

    private static final NamedSql FORGET = new NamedSql("delete from lead_correction where lead_id = :lead and field = :field");
    private static final NamedSql KEEP = new NamedSql("""
            insert into lead_correction (lead_id, field, corrected_value, replaced_value, corrected_by, corrected_at)
            values (:lead, :field, :value, :replaced, :by, :at)""");

    @PersistenceContext
    private EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/PortalDS")
    private javax.sql.DataSource database;

    /** Keeps a correction; either value may be empty (a field filled in, or emptied), hence plain JDBC for the nulls. */
    public void save(long leadId, ImportColumn column, String value, String replaced, String by, Instant at) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("lead", leadId);
        values.put("field", column.header);
        values.put("value", value);
        values.put("replaced", replaced);
        values.put("by", by);
        values.put("at", at);
        try (java.sql.Connection connection = database.getConnection()) {
            FORGET.update(connection, values);
            KEEP.update(connection, values);
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException("A correction could not be kept", e);
        }
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
