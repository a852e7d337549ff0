package db.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The consent demo: leads scanned at a trade fair ({@code fair-scan}) need the prospect's consent in
 * every country. Five prospects in Schleswig-Holstein, where nordlicht and kuestennetz both fit: one
 * allowed nordlicht and refused kuestennetz, one allowed both, one refused both, one has not answered,
 * and one allowed nordlicht, was claimed, and withdrew. The portal mails each of them a consent link
 * at start-up ({@code com.partnerportal.consent.DemoConsentMails}), so that their mailboxes hold it.
 */
public class R__3_Demo_consent extends BaseJavaMigration {

    /** Source of the demo leads that need consent. */
    public static final String SOURCE = "fair-scan";

    private record Prospect(String company, String industry, String first, String last, String email, String phone,
                            String street, String postalCode, String city, String[] allowed, String[] refused,
                            boolean claimedThenWithdrawn) {
    }

    private static final String[] NONE = {};

    private static final Prospect[] PROSPECTS = {
        new Prospect("Förde Logistik GmbH", "Logistics", "Jana", "Petersen", "jana.petersen@foerde-logistik.example",
                "+49 431 5550101", "Kaistraße 12", "24103", "Kiel", new String[] {"nordlicht"}, new String[] {"kuestennetz"}, false),
        new Prospect("Schlei Bau GmbH", "Construction", "Lena", "Thomsen", "lena.thomsen@schlei-bau.example",
                "+49 4621 5550102", "Hafenstraße 3", "24837", "Schleswig", new String[] {"nordlicht", "kuestennetz"}, NONE, false),
        new Prospect("Holstein Agrar eG", "Agriculture", "Maren", "Hansen", "maren.hansen@holstein-agrar.example",
                "+49 4321 5550103", "Am Markt 5", "24534", "Neumünster", NONE, new String[] {"nordlicht", "kuestennetz"}, false),
        new Prospect("Kieler Werft Service GmbH", "Manufacturing", "Ole", "Jensen", "ole.jensen@kieler-werft.example",
                "+49 431 5550104", "Werftstraße 40", "24143", "Kiel", NONE, NONE, false),
        new Prospect("Ostsee Hotels GmbH", "Hospitality", "Finn", "Carstensen", "finn.carstensen@ostsee-hotels.example",
                "+49 4503 5550105", "Strandallee 8", "23669", "Timmendorfer Strand", new String[] {"nordlicht"}, NONE, true),
    };

    @Override
    public Integer getChecksum() {
        return 20261202; // change to load the consent demo again
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement exists = c.prepareStatement("select count(*) from sales_lead where source = ?")) {
            exists.setString(1, SOURCE);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into consent_rule (source, country, required) select '" + SOURCE + "', '*', true"
                    + " where not exists (select 1 from consent_rule where source = '" + SOURCE + "' and country = '*')");
        }
        Instant now = Instant.now();
        int number = 0;
        try (PreparedStatement lead = c.prepareStatement("""
                insert into sales_lead (state, source, external_id, campaign, company_name, size_class, industry, country,
                    region, contact_first_name, contact_last_name, contact_email, contact_phone, contact_street,
                    contact_postal_code, contact_city, product, revenue_amount, revenue_currency, score, buying_signals,
                    handover_reason, prospect_asked, promised, next_step, partner_key, assignee, published_at,
                    silver_from, bronze_from, claimed_at, first_claimed_at, reached_stage, created_at, consent_required)
                values (?, ?, ?, 'trade-fair-2026', ?, 'MEDIUM', ?, 'DE', 'DE-SH', ?, ?, ?, ?, ?, ?, ?, 'SWITCH-CAMPUS',
                    ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement move = c.prepareStatement(
                     "insert into lead_transition (lead_id, at, actor, from_state, to_state, reason) values (?, ?, ?, ?, ?, ?)");
             PreparedStatement decision = c.prepareStatement("""
                     insert into consent_decision (lead_id, partner_key, decision, channel, text_version, actor, at)
                     values (?, ?, ?, 'CONSENT_PAGE', '2026-12', 'prospect', ?)""");
             PreparedStatement current = c.prepareStatement(
                     "insert into consent_current (lead_id, partner_key, decision, at) values (?, ?, ?, ?)");
             PreparedStatement mark = c.prepareStatement("insert into cockpit_change (lead_id) values (?)")) {
            for (Prospect p : PROSPECTS) {
                number++;
                Instant created = now.minus(Duration.ofDays(4 + number));
                Instant published = created.plus(Duration.ofHours(3));
                Instant answered = published.plus(Duration.ofHours(20));
                Instant claimed = answered.plus(Duration.ofHours(2));
                Instant withdrawn = claimed.plus(Duration.ofDays(1));
                boolean held = p.claimedThenWithdrawn();
                int i = 1;
                lead.setString(i++, held ? "WITHDRAWN" : "PUBLISHED");
                lead.setString(i++, SOURCE);
                lead.setString(i++, "FS-2026-%04d".formatted(number));
                lead.setString(i++, p.company());
                lead.setString(i++, p.industry());
                lead.setString(i++, p.first());
                lead.setString(i++, p.last());
                lead.setString(i++, p.email());
                lead.setString(i++, p.phone());
                lead.setString(i++, p.street());
                lead.setString(i++, p.postalCode());
                lead.setString(i++, p.city());
                lead.setBigDecimal(i++, new java.math.BigDecimal(18_000 + 4_000 * number));
                lead.setInt(i++, 70 + number * 3);
                lead.setString(i++, "stopped at the stand twice, took the campus switching brochure");
                lead.setString(i++, "scanned at it-sa: campus network renewal planned for next year");
                lead.setString(i++, "an on-site survey of the current network");
                lead.setString(i++, "a partner near them calls after they agreed");
                lead.setString(i++, "offer the survey, then a quote");
                lead.setString(i++, held ? "nordlicht" : null);
                lead.setString(i++, held ? "north.rep" : null);
                lead.setTimestamp(i++, Timestamp.from(published));
                lead.setTimestamp(i++, Timestamp.from(published.plus(Duration.ofHours(2))));
                lead.setTimestamp(i++, Timestamp.from(published.plus(Duration.ofHours(8))));
                lead.setTimestamp(i++, held ? Timestamp.from(claimed) : null);
                lead.setTimestamp(i++, held ? Timestamp.from(claimed) : null);
                lead.setInt(i++, held ? 1 : 0);
                lead.setTimestamp(i++, Timestamp.from(created));
                lead.executeUpdate();
                long id;
                try (ResultSet keys = lead.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                move(move, id, created, "fair-scan", null, "QUALIFIED", "RECEIVED|" + SOURCE);
                move(move, id, published, "channel.manager", "QUALIFIED", "PUBLISHED", "PUBLISHED");
                for (String partner : p.allowed()) {
                    decide(decision, current, id, partner, "ALLOWED", answered, !held);
                }
                for (String partner : p.refused()) {
                    decide(decision, current, id, partner, "REFUSED", answered, true);
                }
                if (held) {
                    move(move, id, claimed, "north.rep", "PUBLISHED", "CLAIMED", "CLAIMED|nordlicht");
                    decide(decision, current, id, "nordlicht", "REFUSED", withdrawn, true);
                    move(move, id, withdrawn, "prospect", "CLAIMED", "WITHDRAWN", "CONSENT_WITHDRAWN|nordlicht");
                }
                mark.setLong(1, id);
                mark.executeUpdate();
            }
        }
    }

    private static void move(PreparedStatement move, long lead, Instant at, String actor, String from, String to,
                             String reason) throws java.sql.SQLException {
        move.setLong(1, lead);
        move.setTimestamp(2, Timestamp.from(at));
        move.setString(3, actor);
        move.setString(4, from);
        move.setString(5, to);
        move.setString(6, reason);
        move.executeUpdate();
    }

    /** A decision in the ledger; {@code holds} when it is the one that holds now. */
    private static void decide(PreparedStatement decision, PreparedStatement current, long lead, String partner,
                               String value, Instant at, boolean holds) throws java.sql.SQLException {
        decision.setLong(1, lead);
        decision.setString(2, partner);
        decision.setString(3, value);
        decision.setTimestamp(4, Timestamp.from(at));
        decision.executeUpdate();
        if (holds) {
            current.setLong(1, lead);
            current.setString(2, partner);
            current.setString(3, value);
            current.setTimestamp(4, Timestamp.from(at));
            current.executeUpdate();
        }
    }
}
