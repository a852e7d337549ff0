package com.partnerportal.partner;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** A reseller organisation. Its key is the {@code partner} attribute of its users in Keycloak. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    @Column(name = "partner_key")
    private String key;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;

    /** The most leads this partner may hold open at once. */
    @Column(nullable = false)
    private int capacity;

    /** How many leads it holds open now; counted by the claim and the moves that end one, never here. */
    @Column(name = "open_leads", insertable = false, updatable = false)
    private int openLeads;

    @Column(name = "absent_from")
    private LocalDate absentFrom;

    @Column(name = "absent_until")
    private LocalDate absentUntil;

    @ElementCollection
    @CollectionTable(name = "partner_region", joinColumns = @JoinColumn(name = "partner_key"))
    @Column(name = "region_code")
    private Set<String> regions = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "partner_certification", joinColumns = @JoinColumn(name = "partner_key"))
    @Column(name = "certification")
    private Set<String> certifications = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "partner_product", joinColumns = @JoinColumn(name = "partner_key"))
    @Column(name = "product")
    private Set<String> products = new HashSet<>();

    @ElementCollection
    @Enumerated(EnumType.STRING)
    @CollectionTable(name = "partner_size_focus", joinColumns = @JoinColumn(name = "partner_key"))
    @Column(name = "size_class")
    private Set<SizeClass> sizeFocus = new HashSet<>();

    @Version
    private long version;

    protected Partner() {
    }

    Partner(String key) {
        this.key = key;
    }

    void describe(String name, Tier tier, Set<String> regions, Set<String> certifications,
                  Set<String> products, Set<SizeClass> sizeFocus) {
        this.name = name;
        this.tier = tier;
        replace(this.regions, regions);
        replace(this.certifications, certifications);
        replace(this.products, products);
        replace(this.sizeFocus, sizeFocus);
    }

    void setAvailability(int capacity, LocalDate absentFrom, LocalDate absentUntil) {
        this.capacity = capacity;
        this.absentFrom = absentFrom;
        this.absentUntil = absentUntil;
    }

    PartnerView toView() {
        return new PartnerView(key, name, tier, new TreeSet<>(regions), new TreeSet<>(certifications),
                new TreeSet<>(products), new TreeSet<>(sizeFocus), capacity, openLeads, absentFrom, absentUntil);
    }

    private static <T> void replace(Set<T> target, Set<T> values) {
        target.retainAll(values);
        target.addAll(values);
    }
}
