package db.demo;

import com.partnerportal.lead.LeadState;
import com.partnerportal.marketplace.TierPolicy;
import com.partnerportal.marketplace.TierWindows;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.lead.MoveReason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A few hundred demo leads in every state and for every demo partner, so that each page shows
 * something on first login. Same seed, same leads; applied once (see {@link #getChecksum}), and
 * only where demo data is switched on.
 */
public class R__2_Demo_leads extends BaseJavaMigration {

    private static final String[] FIRST = {"Nordsee", "Elb", "Hanse", "Alpen", "Isar", "Rhein", "Mosel", "Weser", "Donau",
            "Harz", "Ruhr", "Inn", "Main", "Lahn", "Eifel", "Taunus"};
    private static final String[] SECOND = {"Maschinenbau", "Logistik", "Kliniken", "Stadtwerke", "Druckerei", "Brauerei",
            "Steuerberatung", "Autohaus", "Hotels", "Lebensmittel", "Metallbau", "Schulen"};
    private static final String[] FORM = {"GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."};
    private static final String[] INDUSTRY = {"Manufacturing", "Logistics", "Healthcare", "Public sector", "Retail",
            "Hospitality", "Professional services", "Education"};
    private static final String[] FIRST_NAMES = {"Anna", "Jonas", "Lea", "Felix", "Marie", "Lukas", "Sophie", "Paul",
            "Mia", "Leon", "Hannah", "Tim"};
    private static final String[] LAST_NAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Hoffmann", "Schulz", "Koch", "Huber"};

    /** Where each demo partner works, what it sells, and which certification it can bring. */
    private record Territory(String partner, String[] regions, String[] products, String[] sizes, String certification) {
    }

    private static final Territory[] TERRITORIES = {
        new Territory("nordlicht", new String[] {"DE-HH", "DE-SH", "DE-NI", "DE-HB"},
                new String[] {"SWITCH-CAMPUS", "WIFI-ENTERPRISE", "FIREWALL-NG", "ZERO-TRUST", "MANAGED-SOC"},
                new String[] {"MEDIUM", "ENTERPRISE"}, "SECURITY-PRO"),
        new Territory("alpenblick", new String[] {"DE-BY", "AT-9", "AT-3", "AT-6", "AT-7"},
                new String[] {"SWITCH-CAMPUS", "WIFI-ENTERPRISE", "SDWAN"}, new String[] {"SMALL", "MEDIUM"}, "NETWORK-PRO"),
        new Territory("rheinwerk", new String[] {"DE-NW", "DE-RP"},
                new String[] {"SWITCH-CAMPUS", "WIFI-ENTERPRISE", "CLOUD-BACKUP"}, new String[] {"SMALL"}, null),
    };

    /** How many demo leads end in each state; the path through the states leading there. */
    private static final Object[][] PLAN = {
        {"NEW", 15, new String[] {"NEW"}},
        {"QUARANTINE", 15, new String[] {"QUARANTINE"}},
        {"QUALIFIED", 25, new String[] {"QUALIFIED"}},
        {"PUBLISHED", 70, new String[] {"QUALIFIED", "PUBLISHED"}},
        {"CLAIMED", 20, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED"}},
        {"CONTACTED", 25, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "CONTACTED"}},
        {"SALES_QUALIFIED", 20, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "CONTACTED", "SALES_QUALIFIED"}},
        {"PROPOSAL", 20, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "CONTACTED", "SALES_QUALIFIED", "PROPOSAL"}},
        {"WON", 70, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "CONTACTED", "SALES_QUALIFIED", "PROPOSAL", "WON"}},
        {"LOST", 60, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "CONTACTED", "LOST"}},
        {"RETURNED", 15, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "RETURNED"}},
        {"RECALLED", 12, new String[] {"QUALIFIED", "PUBLISHED", "CLAIMED", "RECALLED"}},
        {"WITHDRAWN", 10, new String[] {"QUALIFIED", "WITHDRAWN"}},
    };

    /** The states whose leads have months of history behind them. */
    private static final java.util.Set<String> HISTORY = java.util.Set.of("SALES_QUALIFIED", "PROPOSAL", "WON", "LOST",
            "RETURNED", "RECALLED");
    /** Each demo partner's rep, who claims its leads and works them. */
    private static final Map<String, String> REP = Map.of("nordlicht", "north.rep", "alpenblick", "south.rep",
            "rheinwerk", "west.rep");
    private static final String[] LOSS_REASONS = {"PRICE", "PRICE", "COMPETITOR", "COMPETITOR", "NO_BUDGET", "NO_DECISION",
            "TIMING", "PRODUCT_FIT", "NOT_REACHABLE"};
    private static final String[] RETURN_REASONS = {"OUT_OF_TERRITORY", "NO_CAPACITY", "NOT_QUALIFIED", "EXISTING_CUSTOMER",
            "DUPLICATE", "CONSUMER"};
    private static final String[] LOSS_COMMENTS = {"competitor 12 % cheaper", "project moved to next fiscal year",
            "decided to stay with the current supplier", "budget cut after the merger"};

    @Override
    public Integer getChecksum() {
        return 20261201; // change to load the demo leads again
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from sales_lead where source = 'demo'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        Random random = new Random(42);
        Instant now = Instant.now();
        int number = 0;
        try (PreparedStatement lead = c.prepareStatement("""
                insert into sales_lead (state, source, external_id, campaign, company_name, size_class, industry, country,
                    region, contact_first_name, contact_last_name, contact_email, contact_phone, contact_street,
                    contact_postal_code, contact_city, product, required_certification, revenue_amount, revenue_currency,
                    score, buying_signals, handover_reason, prospect_asked, promised, next_step, review_note,
                    partner_key, published_at, claimed_at, last_activity_at, created_at)
                values (?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement move = c.prepareStatement(
                     "insert into lead_transition (lead_id, at, actor, from_state, to_state, reason) values (?, ?, ?, ?, ?, ?)");
             PreparedStatement pipeline = c.prepareStatement("""
                     update sales_lead set assignee = ?, expected_revenue_amount = ?, expected_revenue_currency = ?,
                         expected_close_date = ?, follow_up_at = ?, loss_reason_code = ?, loss_comment = ?,
                         won_revenue_amount = ?, won_revenue_currency = ?, closed_at = ?, reached_stage = ?,
                         first_claimed_at = ?, first_contact_at = ?
                     where id = ?""");
             PreparedStatement exclusion = c.prepareStatement("insert into lead_exclusion (lead_id, partner_key) values (?, ?)");
             PreparedStatement returned = c.prepareStatement(
                     "insert into lead_return (lead_id, partner_key, reason_code, at) values (?, ?, ?, ?)");
             PreparedStatement breach = c.prepareStatement(
                     "insert into sla_breach (partner_key, lead_id, kind, at) values (?, ?, 'NO_ACTIVITY', ?)")) {
            for (Object[] plan : PLAN) {
                String state = (String) plan[0];
                String[] path = (String[]) plan[2];
                for (int i = 0; i < (Integer) plan[1]; i++) {
                    number++;
                    Territory t = TERRITORIES[number % TERRITORIES.length];
                    boolean held = List.of(path).contains("CLAIMED") && !state.equals("RETURNED") && !state.equals("RECALLED");
                    String region = pick(random, t.regions());
                    String country = region.substring(0, 2);
                    // a published lead in the last two hours is still Gold's alone: some of those, most older
                    // months of history: leads that ended (or got far) were published up to half a year ago
                    Duration age = state.equals("PUBLISHED") && i < 8 ? Duration.ofMinutes(10 + random.nextInt(100))
                            : state.equals("CLAIMED") ? Duration.ofHours(2 + random.nextInt(30))
                            : HISTORY.contains(state) ? Duration.ofHours(24 * 12 + random.nextInt(24 * 170))
                            : Duration.ofHours(3 + random.nextInt(24 * 20));
                    Instant created = now.minus(age).minus(Duration.ofHours(1));
                    Instant published = List.of(path).contains("PUBLISHED") ? now.minus(age) : null;
                    boolean wasClaimed = List.of(path).contains("CLAIMED");
                    Instant claimed = wasClaimed ? published.plus(Duration.ofMinutes(20 + random.nextInt(state.equals("CLAIMED") ? 60 : 60 * 30))) : null;
                    if (claimed != null && claimed.isAfter(now)) {
                        claimed = now;
                    }
                    String firstName = pick(random, FIRST_NAMES);
                    String lastName = pick(random, LAST_NAMES);
                    boolean handover = !state.equals("NEW") && !state.equals("QUARANTINE");
                    int p = 1;
                    lead.setString(p++, state);
                    lead.setString(p++, "DEMO-" + number);
                    lead.setString(p++, pick(random, new String[] {"trade-fair-2026", "webinar-zero-trust", "web-form", "partner-day"}));
                    lead.setString(p++, pick(random, FIRST) + " " + pick(random, SECOND) + " " + pick(random, FORM));
                    lead.setString(p++, pick(random, t.sizes()));
                    lead.setString(p++, pick(random, INDUSTRY));
                    lead.setString(p++, state.equals("QUARANTINE") && i % 2 == 0 ? "AT".equals(country) ? "DE" : "AT" : country);
                    lead.setString(p++, region);
                    lead.setString(p++, firstName);
                    lead.setString(p++, lastName);
                    lead.setString(p++, state.equals("QUARANTINE") && i % 2 == 1 ? null
                            : (firstName + "." + lastName + "." + number).toLowerCase().replace("ü", "ue") + "@example.com");
                    lead.setString(p++, state.equals("QUARANTINE") && i % 2 == 1 ? null : "+49 " + (100 + random.nextInt(900)) + " " + (100000 + random.nextInt(900000)));
                    lead.setString(p++, "Hauptstraße " + (1 + random.nextInt(120)));
                    lead.setString(p++, String.valueOf(10000 + random.nextInt(89999)));
                    lead.setString(p++, "Musterstadt");
                    lead.setString(p++, pick(random, t.products()));
                    lead.setString(p++, t.certification() != null && random.nextInt(4) == 0 ? t.certification() : null);
                    lead.setBigDecimal(p++, BigDecimal.valueOf(5_000 + random.nextInt(200) * 500L).setScale(2));
                    lead.setInt(p++, 30 + random.nextInt(70));
                    lead.setString(p++, pick(random, new String[] {"asked for a quote", "downloaded the datasheet twice",
                            "visited the pricing page", "booth visit at the trade fair", "budget confirmed"}));
                    lead.setString(p++, handover ? pick(random, new String[] {"budget approved, needs a local installer",
                            "current network out of support next quarter", "wants a certified partner on site",
                            "expansion to a second site planned"}) : null);
                    lead.setString(p++, handover ? "an on-site assessment" : null);
                    lead.setString(p++, handover ? "a call from a certified partner within two days" : null);
                    lead.setString(p++, handover ? "book the assessment" : null);
                    lead.setString(p++, null); // the reviewer's note: none before a decision
                    lead.setString(p++, held ? t.partner() : null);
                    lead.setTimestamp(p++, published == null ? null : Timestamp.from(published));
                    lead.setTimestamp(p++, claimed == null || !held ? null : Timestamp.from(claimed));
                    lead.setTimestamp(p++, claimed != null && !state.equals("CLAIMED") ? Timestamp.from(claimed.plus(Duration.ofHours(3))) : null);
                    lead.setTimestamp(p, Timestamp.from(created));
                    lead.executeUpdate();
                    long id;
                    try (ResultSet keys = lead.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    if (state.equals("QUARANTINE")) {
                        held(c, id, i % 2 == 0 ? "REGION_OUTSIDE_COUNTRY" : "NO_CONTACT_WAY",
                                i % 2 == 0 ? region + "|" + ("AT".equals(country) ? "DE" : "AT") : "");
                    }
                    List<String> moves = new ArrayList<>(List.of(path));
                    String from = null;
                    Instant at = created;
                    Instant contacted = null;
                    String lossReason = state.equals("LOST") ? pick(random, LOSS_REASONS) : null;
                    String returnReason = state.equals("RETURNED") ? pick(random, RETURN_REASONS) : null;
                    BigDecimal expected = BigDecimal.valueOf(8_000 + random.nextInt(120) * 1_000L).setScale(2);
                    BigDecimal wonRevenue = state.equals("WON")
                            ? expected.multiply(BigDecimal.valueOf(70 + random.nextInt(50), 2)).setScale(2, java.math.RoundingMode.HALF_UP) : null;
                    for (String to : moves) {
                        if (to.equals("PUBLISHED")) {
                            at = published;
                        } else if (to.equals("CLAIMED")) {
                            at = claimed != null ? claimed : published.plus(Duration.ofMinutes(30));
                        } else if (to.equals("CONTACTED")) {
                            at = at.plus(Duration.ofHours(1 + random.nextInt(47)));
                        } else if (to.equals("RECALLED")) {
                            at = at.plus(Duration.ofHours(48));
                        } else if (from != null) {
                            at = at.plus(Duration.ofHours(24 + random.nextInt(24 * 9)));
                        }
                        if (at.isAfter(now)) {
                            at = now;
                        }
                        if (to.equals("CONTACTED")) {
                            contacted = at;
                        }
                        move.setLong(1, id);
                        move.setTimestamp(2, Timestamp.from(at));
                        move.setString(3, to.equals("CLAIMED") || LeadState.OPEN.contains(LeadState.valueOf(to))
                                || to.equals("WON") || to.equals("LOST") || to.equals("RETURNED") ? REP.get(t.partner())
                                : to.equals("RECALLED") ? "sla-watch" : from == null ? "demo" : "channel.manager");
                        move.setString(4, from);
                        move.setString(5, to);
                        move.setString(6, from == null ? MoveReason.RECEIVED.encode("demo")
                                : to.equals("CLAIMED") ? MoveReason.CLAIMED.encode(t.partner())
                                : to.equals("CONTACTED") ? MoveReason.FIRST_CONTACT.encode("CALL")
                                : to.equals("WON") ? MoveReason.WON.encode(new com.partnerportal.lead.Money(wonRevenue.toPlainString(), "EUR"))
                                : to.equals("LOST") ? MoveReason.LOST.encode(lossReason)
                                : to.equals("RETURNED") ? MoveReason.RETURNED.encode(t.partner(), returnReason)
                                : to.equals("RECALLED") ? MoveReason.RECALLED.encode(t.partner(), 48)
                                : LeadState.OPEN.contains(LeadState.valueOf(to)) ? MoveReason.STAGE.encode()
                                : to.equals("PUBLISHED") ? MoveReason.PUBLISHED.encode() : MoveReason.QUALIFIED.encode());
                        move.addBatch();
                        from = to;
                    }
                    // the pipeline as the partner kept it: who works it, what it promises, when to follow up, how it ended
                    boolean open = LeadState.OPEN.contains(LeadState.valueOf(state));
                    Instant followUp = !open ? null : switch (i % 3) {
                        case 0 -> latest(now.minus(Duration.ofHours(20 + random.nextInt(60))), at.plus(Duration.ofHours(1))); // overdue
                        case 1 -> now.plus(Duration.ofMinutes(30 + random.nextInt(180))); // due today
                        default -> now.plus(Duration.ofHours(24 + random.nextInt(24 * 5))); // this week
                    };
                    int q = 1;
                    pipeline.setString(q++, held ? REP.get(t.partner()) : null);
                    pipeline.setBigDecimal(q++, held && !state.equals("CLAIMED") ? expected : null);
                    pipeline.setString(q++, held && !state.equals("CLAIMED") ? "EUR" : null);
                    pipeline.setObject(q++, open && !state.equals("CLAIMED") ? LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(20 + random.nextInt(90)) : null);
                    pipeline.setTimestamp(q++, followUp == null ? null : Timestamp.from(followUp));
                    pipeline.setString(q++, lossReason);
                    pipeline.setString(q++, lossReason != null && i % 4 == 0 ? pick(random, LOSS_COMMENTS) : null);
                    pipeline.setBigDecimal(q++, wonRevenue);
                    pipeline.setString(q++, wonRevenue == null ? null : "EUR");
                    pipeline.setTimestamp(q++, state.equals("WON") || state.equals("LOST") ? Timestamp.from(at) : null);
                    pipeline.setInt(q++, moves.stream().mapToInt(m -> LeadState.reachedRank(LeadState.valueOf(m))).max().orElse(0));
                    pipeline.setTimestamp(q++, wasClaimed ? Timestamp.from(claimed) : null);
                    pipeline.setTimestamp(q++, contacted == null ? null : Timestamp.from(contacted));
                    pipeline.setLong(q, id);
                    pipeline.addBatch();
                    if (returnReason != null) {
                        returned.setLong(1, id);
                        returned.setString(2, t.partner());
                        returned.setString(3, returnReason);
                        returned.setTimestamp(4, Timestamp.from(at));
                        returned.addBatch();
                    }
                    if (returnReason != null || state.equals("RECALLED")) {
                        exclusion.setLong(1, id);
                        exclusion.setString(2, t.partner());
                        exclusion.addBatch();
                    }
                    if (state.equals("RECALLED")) {
                        breach.setString(1, t.partner());
                        breach.setLong(2, id);
                        breach.setTimestamp(3, Timestamp.from(at));
                        breach.addBatch();
                    }
                }
            }
            pipeline.executeBatch();
            exclusion.executeBatch();
            returned.executeBatch();
            breach.executeBatch();
            move.executeBatch();
        }
        try (var built = c.createStatement()) {
            com.partnerportal.platform.migration.V17__Intake_quality.keys(c); // what the intake compares them by
            built.executeUpdate("delete from cockpit_day"); // the cockpit builds its figures again, with these leads
        }
        // the partners' counts of open leads, as the claim keeps them, for the leads made here
        c.createStatement().executeUpdate("""
                update partner set open_leads = (select count(*) from sales_lead s where s.partner_key = partner.partner_key
                                                 and s.state in (%s))""".formatted(LeadState.OPEN.stream()
                .map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "))));
        // when the leads in the pool open to Silver and Bronze, as publishing them would have set it
        new NamedSql(TierWindows.update(TierPolicy.fromSettings(), "1 = 1")).update(c, Map.of("today", LocalDate.now(ZoneOffset.UTC)));
    }

    /** The later of two times: a follow-up is never set before the lead's last move. */
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A demo lead held for review, for the reason the intake would have found. */
    private static void held(Connection c, long id, String code, String arguments) throws java.sql.SQLException {
        try (PreparedStatement reason = c.prepareStatement(
                "insert into review_reason (lead_id, code, arguments) values (?, ?, ?)")) {
            reason.setLong(1, id);
            reason.setString(2, code);
            reason.setString(3, arguments);
            reason.executeUpdate();
        }
    }
}
