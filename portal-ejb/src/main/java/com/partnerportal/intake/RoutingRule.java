package com.partnerportal.intake;

import com.partnerportal.lead.BuyingSignal;
import com.partnerportal.lead.RoutingTerms;
import com.partnerportal.partner.SizeClass;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A routing rule of a market as the channel manager keeps it: its terms, who changed it last and when. */
@Entity
@Table(name = "routing_rule")
class RoutingRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String country;
    String product;
    String signals;
    @Column(name = "min_signals", nullable = false)
    int minSignals;
    @Column(name = "min_score")
    Integer minScore;
    @Column(name = "size_classes")
    String sizeClasses;
    @Column(name = "changed_by", nullable = false)
    String changedBy;
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;
    @Version
    long version;

    RoutingTerms terms() {
        Set<SizeClass> sizes = EnumSet.noneOf(SizeClass.class);
        if (sizeClasses != null) {
            Arrays.stream(sizeClasses.split(",")).map(SizeClass::valueOf).forEach(sizes::add);
        }
        return new RoutingTerms(country, product, BuyingSignal.decode(signals), minSignals, minScore, sizes);
    }

    void set(RoutingTerms terms, String by, Instant at) {
        country = terms.country();
        product = terms.product();
        signals = BuyingSignal.encode(terms.signals());
        minSignals = terms.minSignals();
        minScore = terms.minScore();
        sizeClasses = terms.sizes().isEmpty() ? null
                : terms.sizes().stream().map(Enum::name).collect(Collectors.joining(","));
        changedBy = by;
        changedAt = at;
    }
}
