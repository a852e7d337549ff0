package com.partnerportal.intake;

import com.partnerportal.lead.ScorePoints;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The points a buying signal, a size class or a product adds to a lead's score. */
@Entity
@Table(name = "score_rule")
class ScoreRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ScorePoints.Attribute attribute;
    @Column(nullable = false)
    String code;
    int points;
}
