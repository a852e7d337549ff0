package com.partnerportal.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A country (ISO 3166-1 alpha-2, e.g. {@code AT}) or one of its subdivisions (ISO 3166-2, e.g. {@code DE-HH}). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    private String code;

    @Column(nullable = false)
    private String country;

    @Column(name = "label_de", nullable = false)
    private String labelDe;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    protected Region() {
    }

    public RegionView toView() {
        return new RegionView(code, country, new Label(labelDe, labelEn));
    }
}
