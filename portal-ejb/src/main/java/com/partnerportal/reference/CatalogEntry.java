package com.partnerportal.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

@Entity
@Table(name = "catalog_entry")
@IdClass(CatalogEntry.Key.class)
public class CatalogEntry {

    /** The composite primary key: a code is unique within its catalogue. */
    public static class Key implements Serializable {
        private Catalog catalog;
        private String code;

        public Key() {
        }

        Key(Catalog catalog, String code) {
            this.catalog = catalog;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.catalog == catalog && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(catalog, code);
        }
    }

    @Id
    @Enumerated(EnumType.STRING)
    private Catalog catalog;

    @Id
    private String code;

    @Column(name = "label_de", nullable = false)
    private String labelDe;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean active = true;

    /** For return reasons: what follows a lead given back with this code. */
    @Enumerated(EnumType.STRING)
    private ReturnAction action;

    protected CatalogEntry() {
    }

    CatalogEntry(Catalog catalog, String code, int sortOrder) {
        this.catalog = catalog;
        this.code = code;
        this.sortOrder = sortOrder;
    }

    void describe(String labelDe, String labelEn, boolean active, ReturnAction action) {
        this.labelDe = labelDe;
        this.labelEn = labelEn;
        this.active = active;
        this.action = action;
    }

    public Code toCode() {
        return new Code(code, new Label(labelDe, labelEn), active, action);
    }
}
