package com.partnerportal.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.lead.LeadState;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What "the leads behind a number" means, as SQL conditions: each number's drill-down, and its values. */
class CohortTest {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    private static Cohort cohort(String partner, String region, boolean country, Cohort.Drill drill) {
        return new Cohort(FROM, TO, partner, region, country, "SDWAN", "fair", drill);
    }

    /** Every parameter a statement names has a value (NamedSql refuses to run it otherwise). */
    private static void boundExactly(String sql, Cohort cohort, String... extra) {
        Set<String> named = new TreeSet<>();
        Matcher m = PARAMETER.matcher(sql);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> given = new TreeSet<>(cohort.values().keySet());
        given.addAll(List.of(extra));
        assertTrue(given.containsAll(named), named + " named, " + given + " given: " + sql);
    }

    @Test
    void aPartnersNumbersAreOfTheLeadsItHoldsButItsReturnsAndBreachesFollowItsActs() {
        Cohort held = cohort("nordlicht", null, false, new Cohort.Drill(LeadState.WON, null, null, false));
        assertTrue(held.where().contains("l.partner_key = :partner"));
        assertTrue(held.where().contains("l.reached_stage >= 5"));
        boundExactly(CockpitSql.count(held.where()), held);

        Cohort returned = cohort("nordlicht", null, false, new Cohort.Drill(null, null, "NO_CAPACITY", false));
        assertFalse(returned.where().contains("l.partner_key"), "a returned lead is held by nobody or another partner");
        assertTrue(returned.where().contains("r.partner_key = :partner"), "the partner's own returns");
        assertEquals("NO_CAPACITY", returned.values().get("returnReason"));
        boundExactly(CockpitSql.count(returned.where()), returned);

        Cohort breached = cohort("nordlicht", null, false, new Cohort.Drill(null, null, null, true));
        assertFalse(breached.where().contains("l.partner_key"));
        assertTrue(breached.where().contains("b.partner_key = :partner"));
        boundExactly(CockpitSql.count(breached.where()), breached);
    }

    @Test
    void aCountryMeansAllItsRegionsAndARegionItself() {
        assertTrue(cohort(null, "AT", true, Cohort.Drill.NONE).where().contains("l.country = :region"));
        assertTrue(cohort(null, "AT-9", false, Cohort.Drill.NONE).where().contains("l.region = :region"));
    }

    @Test
    void theLostStageIsTheLostStateAndThePoolIsTheWholeCohort() {
        assertTrue(cohort(null, null, false, new Cohort.Drill(LeadState.LOST, null, null, false)).where()
                .endsWith(" and l.state = 'LOST'"));
        assertEquals(cohort(null, null, false, Cohort.Drill.NONE).where(),
                cohort(null, null, false, new Cohort.Drill(LeadState.PUBLISHED, null, null, false)).where());
    }

    @Test
    void theSummarysStatementsAreBoundForEveryFilter() {
        for (String partner : new String[] {null, "nordlicht"}) {
            Cohort c = cohort(partner, "DE-HH", false, Cohort.Drill.NONE);
            for (String statement : CockpitSql.summary(c, true)) {
                List<String> extra = List.of();
                Set<String> named = new TreeSet<>();
                Matcher m = PARAMETER.matcher(statement);
                while (m.find()) {
                    named.add(m.group(1));
                }
                Set<String> given = new TreeSet<>(c.values().keySet());
                given.addAll(extra);
                assertTrue(given.containsAll(named), statement);
            }
        }
    }

    @Test
    void thePeriodIsWholeDaysOfThePortalsZone() {
        Cohort c = cohort(null, null, false, Cohort.Drill.NONE);
        assertEquals(FROM.atStartOfDay(Cohort.ZONE).toInstant(), c.values().get("start"));
        assertEquals(TO.plusDays(1).atStartOfDay(Cohort.ZONE).toInstant(), c.values().get("end"));
    }
}
