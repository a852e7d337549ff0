package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The cockpit's numbers and the leads behind each, counted by plain SQL aggregates over the lead
 * tables. A reseller sees its own partner only; asking for another is refused (403), never
 * answered with empty numbers.
 */
@Stateless
public class Cockpit {

    /** The longest period one view counts over. */
    static final int MAX_DAYS = 3 * 366;
    /** The default period: the last 90 days. */
    static final int DEFAULT_DAYS = 90;
    /** No export lists more leads than this. */
    public static final int EXPORT_LIMIT = 100_000;

    private static final String EUR = "EUR";

    /** The open states as an SQL list. */
    private static final String OPEN_STATES = LeadState.OPEN.stream().map(state -> "'" + state.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private PartnerDirectory partners;

    @Inject
    private Clock clock;

    @Inject
    private com.partnerportal.privacy.ContactAudit audit;

    @Inject
    private CockpitCells cells;

    private Boolean postgres;

    /** Checks a view against what the caller may see, its defaults filled in: the one door of every cockpit read. */
    public Cohort cohort(Caller caller, CockpitQuery query) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.isReseller()) {
            throw new AccessDeniedException("The cockpit is for channel managers and partners");
        }
        Validation v = new Validation();
        LocalDate today = LocalDate.now(clock.withZone(Cohort.ZONE));
        LocalDate to = v.withinWindow("to", v.optionalDate("to", query.to()));
        LocalDate from = v.withinWindow("from", v.optionalDate("from", query.from()));
        to = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1)) : to;
        from = from == null ? to.minusDays(DEFAULT_DAYS - 1) : from;
        if (v.isValid() && from.isAfter(to)) {
            v.reject("to", "notBeforeFrom");
        } else if (v.isValid() && from.plusDays(MAX_DAYS).isBefore(to)) {
            v.reject("to", "periodTooLong", MAX_DAYS);
        }
        String partner = CleanText.blankToNull(query.partner());
        if (caller.isReseller() && !caller.has(Role.CHANNEL_MANAGER)) {
            if (partner != null && !partner.equals(caller.partnerKey())) {
                throw new AccessDeniedException("A partner sees its own numbers only");
            }
            partner = caller.partnerKey() == null ? "" : caller.partnerKey();
        } else if (partner != null && !partners.exists(partner)) {
            v.reject("partner", "unknownCode", partner);
        }
        String region = CleanText.blankToNull(query.region());
        boolean country = false;
        if (region != null) {
            region = region.toUpperCase(Locale.ROOT);
            String code = region;
            RegionView known = catalog.regions().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
            if (known == null) {
                v.reject("region", "unknownCode", region);
            } else {
                country = known.isCountry();
            }
        }
        String product = code(v, "product", query.product(), Catalog.PRODUCT);
        String campaign = CleanText.blankToNull(query.campaign());
        if (campaign != null && campaign.length() > 100) {
            v.reject("campaign", "tooLong", 100);
        }
        Cohort.Drill drill = drill(v, query);
        v.throwIfInvalid();
        return new Cohort(from, to, partner, region, country, product, campaign, drill);
    }

    private Cohort.Drill drill(Validation v, CockpitQuery query) {
        LeadState stage = CleanText.blankToNull(query.stage()) == null ? null
                : v.requireEnum("stage", query.stage().strip().toUpperCase(Locale.ROOT), LeadState.class);
        if (stage != null && stage != LeadState.PUBLISHED && stage != LeadState.LOST && LeadState.reachedRank(stage) == 0) {
            v.reject("stage", "oneOf", "PUBLISHED, CLAIMED, CONTACTED, SALES_QUALIFIED, PROPOSAL, WON, LOST");
        }
        String lossReason = code(v, "lossReason", query.lossReason(), Catalog.LOSS_REASON);
        String returnReason = code(v, "returnReason", query.returnReason(), Catalog.RETURN_REASON);
        boolean breached = v.optionalBoolean("breached", query.breached(), false);
        return new Cohort.Drill(stage, lossReason, returnReason, breached);
    }

    private String code(Validation v, String field, String value, Catalog which) {
        String code = CleanText.blankToNull(value);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!catalog.codes(which).contains(code)) {
            v.reject(field, "unknownCode", value);
            return null;
        }
        return code;
    }

    /** Who of a partner's team works how many open leads, and how many of their follow-ups are overdue. */
    public record TeamMember(String username, long openLeads, long overdueFollowUps) {
    }

    /** The partner's team, for its admin: its own partner only. */
    public List<TeamMember> team(Caller caller) {
        if (!caller.has(Role.RESELLER_ADMIN) || caller.partnerKey() == null) {
            throw new AccessDeniedException("The team is the partner admin's to see");
        }
        // overdue as the home page and the follow-up list count it: due before today
        Map<String, Object> values = Map.of("partner", caller.partnerKey(),
                "now", com.partnerportal.lead.Due.OVERDUE.window(clock.instant(), Cohort.ZONE).until());
        return onConnection(connection -> {
            List<TeamMember> team = new ArrayList<>();
            try (PreparedStatement select = new NamedSql("""
                    select l.assignee, count(*), sum(case when l.follow_up_at < :now then 1 else 0 end)
                    from sales_lead l
                    where l.partner_key = :partner and l.assignee is not null
                      and l.state in (%s)
                    group by l.assignee order by 2 desc, 1""".formatted(OPEN_STATES)).prepare(connection, values);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    team.add(new TeamMember(row.getString(1), row.getLong(2), row.getLong(3)));
                }
            }
            return team;
        });
    }

    public CockpitSummary summary(Caller caller, CockpitQuery query) {
        Cohort cohort = cohort(caller, query.summaryOnly());
        cells.refresh(cohort.from(), cohort.to());
        CockpitSummary summary = onConnection(connection -> kept(connection, cohort));
        if (caller.isManufacturer()) {
            return summary;
        }
        // what a campaign cost is the manufacturer's business: a partner sees its leads and wins of it
        List<CockpitSummary.CampaignFigures> campaigns = summary.campaigns().stream()
                .map(c -> new CockpitSummary.CampaignFigures(c.campaign(), c.name(), c.leads(), c.won(), c.wonRevenue(), null, null))
                .toList();
        return new CockpitSummary(summary.from(), summary.to(), summary.partner(), summary.region(), summary.product(),
                summary.campaign(), summary.funnel(), summary.expectedRevenue(), summary.wonRevenue(), summary.lossReasons(),
                summary.returnReasons(), summary.slaBreaches(), summary.hoursToClaim(), summary.hoursToFirstContact(),
                summary.hoursToOutcome(), campaigns, summary.byPartner(), summary.byRegion(), summary.byProduct(),
                summary.trend(), summary.declineReasons(), summary.secondsToFirstOffer(), summary.declinesBySource());
    }

    /** The leads behind a number, a page of them, oldest publication first; {@code total} equals the number. */
    public Page<CockpitLead> leads(Caller caller, CockpitQuery query, Page.Request paging) {
        Cohort cohort = cohort(caller, query);
        return onConnection(connection -> {
            long total = count(connection, cohort);
            return new Page<>(rows(connection, caller, cohort, paging.offset(), paging.size()), total, paging.page(), paging.size());
        });
    }

    /** All leads behind a number, for an export: at most {@link #EXPORT_LIMIT}; the contacts in it are recorded as revealed. */
    public List<CockpitLead> export(Caller caller, CockpitQuery query) {
        Cohort cohort = cohort(caller, query);
        return onConnection(connection -> {
            if (count(connection, cohort) > EXPORT_LIMIT) {
                Validation v = new Validation();
                v.reject("export", "tooManyRows", EXPORT_LIMIT);
                v.throwIfInvalid();
            }
            List<CockpitLead> leads = rows(connection, caller, cohort, 0, EXPORT_LIMIT);
            audit.record(caller, withContact(leads), com.partnerportal.privacy.Access.EXPORT);
            return leads;
        });
    }

    /** The ids of the leads of a list that carry their contact: each is a reveal of personal data. */
    public static List<Long> withContact(List<CockpitLead> leads) {
        return leads.stream().filter(lead -> lead.contact() != null).map(CockpitLead::id).toList();
    }

    private static long count(Connection connection, Cohort cohort) throws SQLException {
        try (PreparedStatement count = new NamedSql(CockpitSql.count(cohort.where())).prepare(connection, cohort.values());
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<CockpitLead> rows(Connection connection, Caller caller, Cohort cohort, int offset, int limit) throws SQLException {
        Map<String, Object> values = new HashMap<>(cohort.values());
        values.put("offset", offset);
        values.put("limit", limit);
        List<CockpitLead> leads = new ArrayList<>();
        try (PreparedStatement select = new NamedSql(CockpitSql.leads(cohort.where()))
                .prepare(connection, values); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String partner = row.getString(7);
                boolean holds = partner != null && partner.equals(caller.partnerKey());
                boolean seesContact = caller.isManufacturer()
                        || holds && com.partnerportal.lead.LeadView.partnerSeesContact(LeadState.valueOf(row.getString(2)));
                if (!caller.isManufacturer() && !holds) {
                    // a lead the partner gave back or lost to the SLA, held by another now or by none: the partner
                    // sees what it had, never who holds it now, nor how it went on
                    leads.add(new CockpitLead(row.getLong(1), cohort.drill().breached() ? LeadState.RECALLED : LeadState.RETURNED,
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6), null, null,
                            Databases.instant(row.getObject(9, OffsetDateTime.class)), null, null, null, null, null, null));
                    continue;
                }
                leads.add(new CockpitLead(row.getLong(1), LeadState.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), partner, row.getString(8),
                        Databases.instant(row.getObject(9, OffsetDateTime.class)), Money.of(row.getBigDecimal(10), row.getString(11)),
                        row.getObject(12, LocalDate.class), Databases.instant(row.getObject(13, OffsetDateTime.class)),
                        Money.of(row.getBigDecimal(14), row.getString(15)), row.getString(16),
                        seesContact ? LeadInput.Contact.of(row.getString(17), row.getString(18), row.getString(19),
                                row.getString(20), row.getString(21), row.getString(22), row.getString(23)) : null));
            }
        }
        return leads;
    }

    /** Whether the kept figures of a view equal the same figures counted over the lead tables, and where not. */
    public record Check(boolean equal, List<String> differences, CockpitSummary kept, CockpitSummary aggregates) {
    }

    /**
     * The kept figures of a view against the plain aggregates over the lead tables, for the channel
     * manager: the counts and money must be equal; the hours are estimated from buckets
     * ({@link HourBuckets}) and shown beside the exact ones.
     */
    public Check check(Caller caller, CockpitQuery query) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The check is the channel manager's");
        }
        Cohort cohort = cohort(caller, query.summaryOnly());
        cells.refresh(cohort.from(), cohort.to());
        CockpitSummary kept = onConnection(connection -> kept(connection, cohort));
        CockpitSummary aggregates = onConnection(connection -> aggregates(connection, cohort));
        List<String> differences = new ArrayList<>();
        var components = CockpitSummary.class.getRecordComponents();
        for (var component : components) {
            if (component.getType() == CockpitSummary.Hours.class) {
                continue;
            }
            try {
                Object a = component.getAccessor().invoke(kept);
                Object b = component.getAccessor().invoke(aggregates);
                if (!java.util.Objects.equals(normal(a), normal(b))) {
                    differences.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Check(differences.isEmpty(), differences, kept, aggregates);
    }

    /** Lists compared without their order among equal counts. */
    private static Object normal(Object value) {
        return value instanceof List<?> list ? new java.util.HashSet<>(list) : value;
    }

    /** The figures of a view from the kept rows ({@link CockpitCells}), which must be up to date. */
    private CockpitSummary kept(Connection connection, Cohort cohort) throws SQLException {
        Map<String, Object> values = cohort.values();
        List<CockpitSummary.StageCount> funnel;
        Money expected;
        Money won;
        long[][] histograms = new long[3][HourBuckets.COUNT];
        try (PreparedStatement select = new NamedSql(CockpitSql.cellTotals(cohort.cells(null))).prepare(connection, values);
             ResultSet row = select.executeQuery()) {
            row.next();
            funnel = funnel(row);
            expected = euro(row.getBigDecimal(8));
            won = euro(row.getBigDecimal(9));
            for (int measure = 0; measure < 3; measure++) {
                for (int bucket = 0; bucket < HourBuckets.COUNT; bucket++) {
                    histograms[measure][bucket] = row.getLong(10 + measure * HourBuckets.COUNT + bucket);
                }
            }
        }
        return new CockpitSummary(cohort.from(), cohort.to(), cohort.partner(), cohort.region(), cohort.product(),
                cohort.campaign(), funnel, expected, won,
                codeCounts(connection, CockpitSql.cellLosses(cohort.cells(null)), values),
                codeCounts(connection, CockpitSql.cellActs(cohort.acts(), "RETURN"), values),
                codeCounts(connection, CockpitSql.cellActs(cohort.acts(), "BREACH"), values).stream()
                        .mapToLong(CockpitSummary.CodeCount::count).sum(),
                hours(histograms[0]), hours(histograms[1]), hours(histograms[2]),
                campaigns(connection, CockpitSql.cellCampaigns(cohort.cells(Grain.Column.CAMPAIGN)), values),
                slices(connection, CockpitSql.cellSlices("partner_key", cohort.cells(Grain.Column.PARTNER)), values),
                countriesWhole(slices(connection, CockpitSql.cellSlices("region", cohort.cells(Grain.Column.REGION)), values)),
                slices(connection, CockpitSql.cellSlices("product", cohort.cells(Grain.Column.PRODUCT)), values),
                trend(cohort, connection, CockpitSql.cellTrend(cohort.cells(null)), values, true),
                codeCounts(connection, CockpitSql.cellActs(cohort.acts(), "DECLINE"), values),
                secondsToOffer(connection, cohort), declinesBySource(connection, cohort));
    }

    /** The funnel from the first seven columns of a row of totals: published, claimed, ... won, lost. */
    private static List<CockpitSummary.StageCount> funnel(ResultSet row) throws SQLException {
        List<LeadState> stages = List.of(LeadState.PUBLISHED, LeadState.CLAIMED, LeadState.CONTACTED,
                LeadState.SALES_QUALIFIED, LeadState.PROPOSAL, LeadState.WON, LeadState.LOST);
        List<CockpitSummary.StageCount> funnel = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            funnel.add(new CockpitSummary.StageCount(stages.get(i), row.getLong(i + 1)));
        }
        return funnel;
    }

    private static CockpitSummary.Hours hours(long[] histogram) {
        return new CockpitSummary.Hours(HourBuckets.quantile(histogram, 0.5), HourBuckets.quantile(histogram, 0.9));
    }

    /** Counts by code, the largest first. */
    private static List<CockpitSummary.CodeCount> codeCounts(Connection connection, String sql, Map<String, Object> values)
            throws SQLException {
        List<CockpitSummary.CodeCount> counts = new ArrayList<>();
        try (PreparedStatement select = new NamedSql(sql).prepare(connection, values); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.add(new CockpitSummary.CodeCount(row.getString(1), row.getLong(2)));
            }
        }
        counts.sort((a, b) -> Long.compare(b.count(), a.count()));
        return counts;
    }

    /** The figures of a view counted by plain SQL aggregates over the lead tables: the baseline of the kept ones. */
    private CockpitSummary aggregates(Connection connection, Cohort cohort) throws SQLException {
        Map<String, Object> values = cohort.values();
        String where = cohort.where();
        List<CockpitSummary.StageCount> funnel;
        Money expected;
        Money won;
        try (PreparedStatement select = new NamedSql(CockpitSql.totals(where)).prepare(connection, values); ResultSet row = select.executeQuery()) {
            row.next();
            funnel = funnel(row);
            expected = euro(row.getBigDecimal(8));
            won = euro(row.getBigDecimal(9));
        }
        return new CockpitSummary(cohort.from(), cohort.to(), cohort.partner(), cohort.region(), cohort.product(),
                cohort.campaign(), funnel, expected, won, codeCounts(connection, CockpitSql.lossReasons(where), values),
                codeCounts(connection, CockpitSql.returns(cohort.whereAnyHolder(), cohort.partner() != null), values),
                breaches(connection, cohort), hours(connection, cohort, "l.published_at", "l.first_claimed_at", null),
                hours(connection, cohort, "l.first_claimed_at", "l.first_contact_at", null),
                hours(connection, cohort, "l.first_claimed_at", "l.closed_at", "l.state in ('WON', 'LOST')"),
                campaigns(connection, CockpitSql.campaigns(where), values),
                slices(connection, CockpitSql.slices("l.partner_key", where), values),
                countriesWhole(slices(connection, CockpitSql.slices("l.region", where), values)),
                slices(connection, CockpitSql.slices("l.product", where), values),
                trend(cohort, connection, CockpitSql.trend(where), values, false),
                codeCounts(connection, CockpitSql.declines(cohort.whereAnyHolder(), cohort.partner() != null), values),
                secondsToOffer(connection, cohort), declinesBySource(connection, cohort));
    }

    /** The cohort's declines by source, country and reason (of the partner, with one); declines are few, read as they are. */
    private List<CockpitSummary.DeclineCount> declinesBySource(Connection connection, Cohort cohort) throws SQLException {
        List<CockpitSummary.DeclineCount> counts = new ArrayList<>();
        try (PreparedStatement select = new NamedSql(CockpitSql.declinesBySource(cohort.whereAnyHolder(), cohort.partner() != null))
                .prepare(connection, cohort.values()); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.add(new CockpitSummary.DeclineCount(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
            }
        }
        return counts;
    }

    /** How soon partners were told of the cohort's leads (the partner, with one). */
    private CockpitSummary.Seconds secondsToOffer(Connection connection, Cohort cohort) throws SQLException {
        try (PreparedStatement select = new NamedSql(CockpitSql.secondsToOffer(cohort.whereAnyHolder(), cohort.partner() != null,
                isPostgres(connection))).prepare(connection, cohort.values()); ResultSet row = select.executeQuery()) {
            row.next();
            return new CockpitSummary.Seconds(secondsOf(row.getObject(1)), secondsOf(row.getObject(2)));
        }
    }

    private static Double secondsOf(Object seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(((Number) seconds).doubleValue()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Leads of the cohort the SLA took from the partner (any partner, without one). */
    private long breaches(Connection connection, Cohort cohort) throws SQLException {
        try (PreparedStatement select = new NamedSql(CockpitSql.breaches(cohort.whereAnyHolder(), cohort.partner() != null))
                .prepare(connection, cohort.values()); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Median and 90th percentile of the hours from {@code start} to {@code end}, where both are known. */
    private CockpitSummary.Hours hours(Connection connection, Cohort cohort, String start, String end, String condition)
            throws SQLException {
        try (PreparedStatement select = new NamedSql(CockpitSql.hours(start, end, cohort.where(), condition, isPostgres(connection)))
                .prepare(connection, cohort.values()); ResultSet row = select.executeQuery()) {
            row.next();
            return new CockpitSummary.Hours(hoursOf(row.getObject(1)), hoursOf(row.getObject(2)));
        }
    }

    private static Double hoursOf(Object seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(((Number) seconds).doubleValue() / 3600).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<CockpitSummary.CampaignFigures> campaigns(Connection connection, String sql, Map<String, Object> values)
            throws SQLException {
        List<CockpitSummary.CampaignFigures> figures = new ArrayList<>();
        try (PreparedStatement select = new NamedSql(sql).prepare(connection, values); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                BigDecimal revenue = row.getBigDecimal(5) == null ? BigDecimal.ZERO : row.getBigDecimal(5);
                BigDecimal cost = row.getBigDecimal(6);
                Double roi = cost == null || cost.signum() == 0 ? null
                        : revenue.subtract(cost).divide(cost, 2, RoundingMode.HALF_UP).doubleValue();
                figures.add(new CockpitSummary.CampaignFigures(row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4), euro(revenue), cost == null ? null : euro(cost), roi));
            }
        }
        return figures;
    }

    private static List<CockpitSummary.Slice> slices(Connection connection, String sql, Map<String, Object> values)
            throws SQLException {
        List<CockpitSummary.Slice> slices = new ArrayList<>();
        try (PreparedStatement select = new NamedSql(sql).prepare(connection, values); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                slices.add(new CockpitSummary.Slice(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        euro(row.getBigDecimal(5)), euro(row.getBigDecimal(6))));
            }
        }
        return slices;
    }

    /**
     * The region rows as the region filter reads them: a country's row counts all its leads (those of
     * its regions too), as its drill-down ({@code region=AT}) lists them.
     */
    private static List<CockpitSummary.Slice> countriesWhole(List<CockpitSummary.Slice> regions) {
        List<CockpitSummary.Slice> folded = new ArrayList<>();
        for (CockpitSummary.Slice slice : regions) {
            if (slice.key().contains("-")) {
                folded.add(slice);
                continue;
            }
            long leads = 0;
            long claimed = 0;
            long won = 0;
            BigDecimal expected = BigDecimal.ZERO;
            BigDecimal wonRevenue = BigDecimal.ZERO;
            for (CockpitSummary.Slice part : regions) {
                if (part.key().equals(slice.key()) || part.key().startsWith(slice.key() + "-")) {
                    leads += part.leads();
                    claimed += part.claimed();
                    won += part.won();
                    expected = expected.add(new BigDecimal(part.expectedRevenue().amount()));
                    wonRevenue = wonRevenue.add(new BigDecimal(part.wonRevenue().amount()));
                }
            }
            folded.add(new CockpitSummary.Slice(slice.key(), leads, claimed, won, euro(expected), euro(wonRevenue)));
        }
        folded.sort((a, b) -> Long.compare(b.leads(), a.leads()));
        return folded;
    }

    /** Per week of the period (Mondays, days of the portal's zone), the leads published and how many of them were won. */
    private static List<CockpitSummary.Week> trend(Cohort cohort, Connection connection, String sql, Map<String, Object> values,
                                                   boolean byDay) throws SQLException {
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (LocalDate week = monday(cohort.from()); !week.isAfter(cohort.to()); week = week.plusWeeks(1)) {
            weeks.put(week, new long[2]);
        }
        try (PreparedStatement select = new NamedSql(sql).prepare(connection, values); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                // of the leads, a group is one hour of the database's clock: its first lead tells the portal's day of all
                LocalDate day = byDay ? row.getObject(1, LocalDate.class)
                        : row.getObject(1, OffsetDateTime.class).atZoneSameInstant(Cohort.ZONE).toLocalDate();
                long[] counts = weeks.get(monday(day));
                if (counts != null) {
                    counts[0] += row.getLong(2);
                    counts[1] += row.getLong(3);
                }
            }
        }
        List<CockpitSummary.Week> trend = new ArrayList<>();
        weeks.forEach((week, counts) -> trend.add(new CockpitSummary.Week(week, counts[0], counts[1])));
        return trend;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Money euro(BigDecimal amount) {
        return Money.of((amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP), EUR);
    }


    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = Databases.isPostgres(connection);
        }
        return postgres;
    }

    private <T> T onConnection(Work<T> work) {
        try (Connection connection = database.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("The cockpit's figures could not be read", e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
