package com.partnerportal.cockpit;

import com.partnerportal.lead.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A marketing campaign leads come from, and what it cost: the cockpit sets its won revenue against it. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "cost_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal costAmount;
    @Column(name = "cost_currency", nullable = false)
    private String costCurrency;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;

    protected Campaign() {
    }

    Campaign(String code) {
        this.code = code;
    }

    void describe(String name, Money.Checked cost, LocalDate from, LocalDate to) {
        this.name = name;
        this.costAmount = cost.amount();
        this.costCurrency = cost.currency();
        this.startsOn = from;
        this.endsOn = to;
    }

    public View toView() {
        return new View(code, name, Money.of(costAmount, costCurrency), startsOn, endsOn);
    }

    /** A campaign as the API shows it. */
    public record View(String code, String name, Money cost, LocalDate from, LocalDate to) {
    }

    /** A campaign as a channel manager writes it, raw. */
    public record Input(String name, Money cost, String from, String to) {
    }
}
