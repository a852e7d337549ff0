package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.Money;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The intake demo (demo run only): a customer master of a few dozen accounts, and web-form leads
 * delivered through the real intake so that the review queue holds one for every reason with the
 * reasons the checks really give: a country chosen blind (Afghanistan with a Hamburg phone), a region
 * outside the country, a free-mail and a throw-away address, no way to reach the contact, a private
 * person, the same company twice, a key account of the manufacturer, and a delivery that disagrees
 * with a reviewer's correction. A lead of a partner's customer goes straight to that partner.
 * Delivered once: its first lead is looked for first.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoIntake {

    /** The source of the demo's web-form leads. */
    public static final String SOURCE = "web-form";

    private static final Logger LOG = Logger.getLogger(DemoIntake.class.getName());

    private static final Caller MANAGER = new Caller("channel.manager", Set.of(Role.CHANNEL_MANAGER), null);

    /** name, domain, VAT id, country, owner */
    private static final String[][] ACCOUNTS = {
        {"Hanseatische Kühlhaus AG", "hanseatische-kuehlhaus.example.com", "DE811100001", "DE", "nordlicht"},
        {"Elbe Containerdienst GmbH", "elbe-container.example.com", "DE811100002", "DE", "nordlicht"},
        {"Weserland Mühlenwerke KG", "weserland-muehlen.example.com", "DE811100003", "DE", "nordlicht"},
        {"Jade Offshore Service GmbH", "jade-offshore.example.com", "DE811100004", "DE", "nordlicht"},
        {"Alstertal Kliniken gGmbH", "alstertal-kliniken.example.com", "DE811100005", "DE", "nordlicht"},
        {"Isar Präzisionsteile GmbH", "isar-praezision.example.com", "DE811100006", "DE", "alpenblick"},
        {"Chiemgau Molkerei eG", "chiemgau-molkerei.example.com", "DE811100007", "DE", "alpenblick"},
        {"Donau Kunststofftechnik GmbH", "donau-kunststoff.example.com", "DE811100008", "DE", "alpenblick"},
        {"Salzach Holzbau GmbH", "salzach-holzbau.example.com", "ATU11100009", "AT", "alpenblick"},
        {"Wiener Versicherungsmakler AG", "wiener-makler.example.com", "ATU11100010", "AT", "alpenblick"},
        {"Grazer Stahlguss GmbH", "grazer-stahlguss.example.com", "ATU11100011", "AT", "alpenblick"},
        {"Rheinische Druckerei GmbH", "rheinische-druckerei.example.com", "DE811100012", "DE", "rheinwerk"},
        {"Ruhrtal Armaturen GmbH & Co. KG", "ruhrtal-armaturen.example.com", "DE811100013", "DE", "rheinwerk"},
        {"Moselwein Kellerei eG", "moselwein-kellerei.example.com", "DE811100014", "DE", "rheinwerk"},
        {"Eifel Steinwerk GmbH", "eifel-steinwerk.example.com", "DE811100015", "DE", "rheinwerk"},
        {"Kölner Messebau GmbH", "koelner-messebau.example.com", "DE811100016", "DE", "rheinwerk"},
        {"Fehmarn Windpark Betrieb GmbH", "fehmarn-wind.example.com", "DE811100017", "DE", "kuestennetz"},
        {"Lübecker Marzipanfabrik GmbH", "luebecker-marzipan.example.com", "DE811100018", "DE", "kuestennetz"},
        {"Flensburger Schiffsausrüstung GmbH", "flensburger-schiff.example.com", "DE811100019", "DE", "kuestennetz"},
        {"Deutsche Bahnlogistik AG", "bahnlogistik.example.com", "DE811100020", "DE", "manufacturer"},
        {"Bayerische Landesversicherung AG", "landesversicherung.example.com", "DE811100021", "DE", "manufacturer"},
        {"Stadtwerke Mittelstadt GmbH", "stadtwerke-mittelstadt.example.com", "DE811100022", "DE", "manufacturer"},
        {"Zürcher Privatbank AG", "zuercher-privatbank.example.com", "CHE111100023", "CH", "manufacturer"},
        {"Basler Chemie AG", "basler-chemie.example.com", "CHE111100024", "CH", "manufacturer"},
        {"Berner Uhrenmanufaktur SA", "berner-uhren.example.com", "CHE111100025", "CH", "manufacturer"},
        {"Tiroler Seilbahnen AG", "tiroler-seilbahnen.example.com", "ATU11100026", "AT", "manufacturer"},
        {"Oberösterreichische Landmaschinen GmbH", "ooe-landmaschinen.example.com", "ATU11100027", "AT", "manufacturer"},
        {"Saarland Glaswerke GmbH", "saarland-glas.example.com", "DE811100028", "DE", "manufacturer"},
        {"Thüringer Optik GmbH", "thueringer-optik.example.com", "DE811100029", "DE", "manufacturer"},
        {"Sächsische Textilwerke AG", "saechsische-textil.example.com", "DE811100030", "DE", "manufacturer"},
        {"Vorpommern Agrar eG", "vorpommern-agrar.example.com", "DE811100031", "DE", "manufacturer"},
        {"Harzer Bergbau Service GmbH", "harzer-bergbau.example.com", "DE811100032", "DE", "manufacturer"},
    };

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Customers customers;

    @Inject
    private LeadIntake intake;

    @Inject
    private Review review;

    @Inject
    private RoutingRules routing;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each account and lead in its own transaction
    void deliver() {
        if (!Boolean.parseBoolean(Settings.value("portal.demo-data", "false")) || delivered()) {
            return;
        }
        try {
            for (String[] a : ACCOUNTS) {
                customers.save(MANAGER, new CustomerView("DEMO-" + a[1].substring(0, a[1].indexOf('.')).toUpperCase(java.util.Locale.ROOT),
                        a[0], a[1], a[2], a[3], a[4]));
            }
            routingRules();
            deliverLeads();
            LOG.info("Intake demo: " + ACCOUNTS.length + " customer accounts, web-form leads in the review queue,"
                    + " routing rules for DE, AT and CH");
        } catch (RuntimeException e) { // the demo runs on without them
            LOG.log(Level.WARNING, "The intake demo could not be delivered", e);
        }
    }

    private boolean delivered() {
        return ((Number) em.createNativeQuery("select count(*) from sales_lead where source = :source and external_id = 'WF-1001'")
                .setParameter("source", SOURCE).getSingleResult()).longValue() > 0;
    }

    private void deliverLeads() {
        // a country picked blind from the top of the list: Afghanistan, with a Hamburg phone and a .de address
        lead("WF-1001", "Nordkai Umschlag GmbH", "AF", "DE-HH", "Jonas", "Brandt", "j.brandt@nordkai-umschlag.de",
                "+49 40 3344556", "20457");
        // a Bavarian region for an Austrian company
        lead("WF-1002", "Innviertel Brauerei GmbH", "AT", "DE-BY", "Sabine", "Huber", "s.huber@innviertel-brauerei.at",
                "+43 7752 81234", "4910");
        // a company without its own domain: a private address, no website
        lead("WF-1003", "Hofmann Elektrotechnik GmbH", "DE", "DE-NW", "Peter", "Hofmann", "peter.hofmann1968@gmail.com",
                "+49 221 4455667", "50667");
        // a throw-away address
        lead("WF-1004", "Sonnenhof Hotelbetriebe GmbH", "DE", "DE-BY", "Mia", "Sommer", "mia.sommer@mailinator.com",
                "+49 89 2233445", "80331");
        // nobody to reach
        lead("WF-1005", "Brückner Metallbau GmbH", "DE", "DE-NI", "Karl", "Brückner", null, null, "30159");
        // a student researching for a thesis
        lead("WF-1006", "Student", "DE", "DE-HB", "Lea", "Kramer", "lea.kramer@uni-bremen.de", "+49 421 2187654", "28359");
        // the same company twice, from two forms
        lead("WF-1007", "Weber Kältetechnik GmbH", "DE", "DE-SH", "Tom", "Weber", "tom.weber@weber-kaelte.de",
                "+49 431 9988776", "24103");
        lead("WF-1008", "Weber Kaeltetechnik", "DE", "DE-SH", "Anke", "Weber", "anke.weber@weber-kaelte.de",
                "+49 431 9988770", "24103");
        // a key account of the manufacturer: the channel manager decides
        lead("WF-1009", "Stadtwerke Mittelstadt", "DE", "DE-NW", "Uwe", "Lange", "u.lange@stadtwerke-mittelstadt.example.com",
                "+49 211 5566778", "40213");
        // a customer of nordlicht: straight to nordlicht, never into the pool
        lead("WF-1010", "Elbe Containerdienst", "DE", "DE-HH", "Nina", "Voss", "n.voss@elbe-container.example.com",
                "+49 40 7788990", "20457");
        // a reviewer corrected the country; the form sends the blind choice again, a different one
        long corrected = lead("WF-1011", "Nordsee Fischhandel GmbH", "AF", "DE-SH", "Hauke", "Jessen",
                "h.jessen@nordsee-fisch.de", "+49 4841 66778", "25813");
        review.decide(MANAGER, corrected, new Review.DecisionInput("RELEASE", null, null, null,
                "country corrected after a call", Map.of("country", "DE")));
        lead("WF-1011", "Nordsee Fischhandel GmbH", "AL", "DE-SH", "Hauke", "Jessen",
                "h.jessen@nordsee-fisch.de", "+49 4841 66778", "25813");
        signalLeads();
    }

    /**
     * Seed 004's example: in the strong home market (DE) a lead goes to the partners with two
     * reactions and a medium or large company, or with a quote request; in AT, a market being built up,
     * one reaction and a score of 30 suffice whatever the size; in CH, just entered, any reaction.
     */
    private void routingRules() {
        routing.create(MANAGER, new RoutingRules.RuleInput("DE", null, null, 2, null, java.util.List.of("MEDIUM", "ENTERPRISE"), null));
        routing.create(MANAGER, new RoutingRules.RuleInput("DE", null, java.util.List.of("QUOTE_REQUEST"), 1, null, null, null));
        routing.create(MANAGER, new RoutingRules.RuleInput("AT", null, null, 1, 30, null, null));
        routing.create(MANAGER, new RoutingRules.RuleInput("CH", null, null, 1, null, null, null));
    }

    /** Leads from marketing automation with buying signals and no handover protocol: the rules decide. */
    private void signalLeads() {
        signalLead("MA-2001", "Lüneburger Landtechnik GmbH", "SMALL", "DE", "DE-NI", "+49 4131 223344", "21335", "DOWNLOAD");
        signalLead("MA-2002", "Hamburger Hafenlogistik AG", "ENTERPRISE", "DE", "DE-HH", "+49 40 5566123", "20457",
                "PRODUCT_PAGE", "EVENT");
        signalLead("MA-2003", "Kärntner Holzindustrie GmbH", "MEDIUM", "AT", "AT-2", "+43 463 223344", "9020", "DOWNLOAD");
        signalLead("MA-2004", "Zürcher Feinmechanik AG", "SMALL", "CH", "CH-ZH", "+41 44 2233445", "8001", "DOWNLOAD");
    }

    private void signalLead(String externalId, String company, String size, String country, String region, String phone,
                            String postalCode, String... signals) {
        String domain = company.toLowerCase(java.util.Locale.ROOT).replace("ü", "ue").replace("ä", "ae")
                .replaceAll(" (gmbh|ag)$", "").replace(' ', '-') + ".example.com";
        intake.deliver(MANAGER, new LeadInput("marketing-automation", externalId, "nurture-2026",
                new LeadInput.Company(company, size, "Manufacturing", country, region),
                LeadInput.Contact.of("Alex", "Berger", "a.berger@" + domain, phone, null, postalCode, null), "WIFI-ENTERPRISE",
                null, null, null, null, null, null, java.util.List.of(signals)));
    }

    private long lead(String externalId, String company, String country, String region, String first, String last,
                      String email, String phone, String postalCode) {
        LeadInput input = new LeadInput(SOURCE, externalId, "website-2026",
                new LeadInput.Company(company, "MEDIUM", "Manufacturing", country, region),
                LeadInput.Contact.of(first, last, email, phone, null, postalCode, null), "WIFI-ENTERPRISE", null,
                new Money("18000.00", "EUR"), 70, "asked for a quote on the website",
                new LeadInput.Handover("asked for a quote", "an offer for 40 access points", "a call this week", "call back"), null, null);
        return intake.deliver(MANAGER, input).id();
    }
}
