package com.partnerportal.web.ui;

import static com.partnerportal.platform.JsonSupport.JSON;

import com.partnerportal.cockpit.Cockpit;
import com.partnerportal.cockpit.CockpitSummary;
import com.partnerportal.kit.KitItem;
import com.partnerportal.kit.SalesKit;
import com.partnerportal.lead.LeadState;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Role;
import com.partnerportal.sla.SlaPolicy;
import com.partnerportal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The cockpit page: the numbers of the view the address asks for, each a link to its leads, and
 * the charts of the funnel and the weekly trend (PrimeFaces' Chart.js component, fed as JSON).
 */
@Named
@RequestScoped
public class CockpitBoard {

    private static final String BRAND = "#0b5c8c";
    private static final String WON = "#1b873f";

    @Inject
    private Cockpit cockpit;

    @Inject
    private CurrentUser user;

    @Inject
    private Format format;

    @Inject
    private SalesKit salesKit;

    private final CockpitFilters filters = new CockpitFilters();
    private CockpitSummary summary;
    private List<Cockpit.TeamMember> team;
    private List<KitItem.View> kitUse;

    /** Called by {@code f:viewAction}: reads the numbers, or says what is wrong with the address. */
    public void load() {
        try {
            summary = cockpit.summary(user.caller(), filters.query());
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("filters", e);
        } catch (AccessDeniedException e) {
            FacesMessages.refusal("OTHER_PARTNER");
        }
    }

    public CockpitFilters getFilters() {
        return filters;
    }

    public CockpitSummary getSummary() {
        return summary;
    }

    /** The sales kit's documents partners use most (the manufacturer's view). */
    public List<KitItem.View> getKitUse() {
        if (kitUse == null) {
            kitUse = salesKit.mostUsed(user.caller(), 10);
        }
        return kitUse;
    }

    /** The address of the leads behind a number: the same filters, and which number. */
    public String leads(String number) {
        return contextPath() + "/cockpit-leads.xhtml?" + filters.parameters(number);
    }

    /** The address of the same view narrowed to one partner, region, product or campaign, from a row of a breakdown. */
    public String narrowed(String name, String value) {
        return contextPath() + "/cockpit.xhtml?" + filters.with(name, value).parameters(null);
    }

    /** The leads of one row of a breakdown. */
    public String leadsOf(String name, String value, String number) {
        return contextPath() + "/cockpit-leads.xhtml?" + filters.with(name, value).parameters(number);
    }

    /** Links are absolute: the page is shown under its lasting address {@code /cockpit/...} ({@link CockpitLink}). */
    private static String contextPath() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    /** How many of the stage before reached this one, in percent; null for the first stage and LOST. */
    public Long conversion(int index) {
        if (summary == null || index == 0 || index >= summary.funnel().size() - 1) {
            return null;
        }
        long before = summary.funnel().get(index - 1).count();
        return before == 0 ? null : Math.round(100.0 * summary.funnel().get(index).count() / before);
    }

    public boolean isManufacturer() {
        return user.caller().has(Role.CHANNEL_MANAGER);
    }

    public boolean isTeamLead() {
        return user.caller().has(Role.RESELLER_ADMIN);
    }

    public List<Cockpit.TeamMember> getTeam() {
        if (team == null) {
            team = isTeamLead() ? cockpit.team(user.caller()) : List.of();
        }
        return team;
    }

    /** The hours the partner has to log a first activity: its SLA. */
    public long getFirstActivitySlaHours() {
        return SlaPolicy.firstActivity().toHours();
    }

    public long count(String stage) {
        return summary == null ? 0 : summary.funnel().stream().filter(s -> s.stage().name().equals(stage))
                .mapToLong(CockpitSummary.StageCount::count).findFirst().orElse(0);
    }

    /** The funnel as a bar chart: how many leads reached each stage. */
    public String getFunnelChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder counts = JSON.createArrayBuilder();
        JsonArrayBuilder colors = JSON.createArrayBuilder();
        if (summary != null) {
            for (CockpitSummary.StageCount stage : summary.funnel()) {
                labels.add(format.state(stage.stage()));
                counts.add(stage.count());
                colors.add(stage.stage() == LeadState.WON ? WON : stage.stage() == LeadState.LOST ? "#b42318" : BRAND);
            }
        }
        return chart("bar", labels, JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("label", format.text("cockpit.leads")).add("data", counts).add("backgroundColor", colors)), false);
    }

    /** The weekly trend as a line chart: leads published and won per week. */
    public String getTrendChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder published = JSON.createArrayBuilder();
        JsonArrayBuilder won = JSON.createArrayBuilder();
        if (summary != null) {
            for (CockpitSummary.Week week : summary.trend()) {
                labels.add(format.shortDate(week.week()));
                published.add(week.published());
                won.add(week.won());
            }
        }
        return chart("line", labels, JSON.createArrayBuilder()
                .add(series(format.text("cockpit.published"), published, BRAND))
                .add(series(format.text("cockpit.won"), won, WON)), true);
    }

    private static JsonObjectBuilder series(String label, JsonArrayBuilder data, String color) {
        return JSON.createObjectBuilder().add("label", label).add("data", data).add("borderColor", color)
                .add("backgroundColor", color).add("tension", 0.25).add("fill", false);
    }

    private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, boolean legend) {
        return JSON.createObjectBuilder().add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder().add("display", legend)))
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
