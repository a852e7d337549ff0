package com.partnerportal.intake;

import com.partnerportal.lead.CompanyName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account of the customer master: a company that buys already, and who owns it (a partner, or
 * the manufacturer's key-account team). A lead of it never goes to the pool.
 */
@Entity
@Table(name = "customer")
public class Customer {

    /** The owner that is no partner: the manufacturer's own key-account team. */
    public static final String MANUFACTURER = "manufacturer";

    @Id
    @Column(name = "customer_key")
    private String key;
    @Column(nullable = false)
    private String name;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Column(name = "name_block", nullable = false)
    private String nameBlock;
    private String domain;
    @Column(name = "vat_id")
    private String vatId;
    private String country;
    @Column(nullable = false)
    private String owner;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Customer() {
    }

    Customer(String key) {
        this.key = key;
    }

    void describe(CustomerRules.Checked c, Instant now) {
        name = c.name();
        nameKey = CompanyName.key(c.name());
        nameBlock = CompanyName.block(nameKey);
        domain = c.domain();
        vatId = c.vatId();
        country = c.country();
        owner = c.owner();
        updatedAt = now;
    }

    public CustomerView view() {
        return new CustomerView(key, name, domain, vatId, country, owner);
    }

    String key() {
        return key;
    }

    String nameKey() {
        return nameKey;
    }

    String owner() {
        return owner;
    }

    String country() {
        return country;
    }

    String domain() {
        return domain;
    }

    String nameBlock() {
        return nameBlock;
    }
}
