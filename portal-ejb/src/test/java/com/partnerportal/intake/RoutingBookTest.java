package com.partnerportal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.lead.BuyingSignal;
import com.partnerportal.lead.RoutingTerms;
import com.partnerportal.lead.RoutingVerdict;
import com.partnerportal.lead.ScorePoints;
import com.partnerportal.partner.SizeClass;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 004's example: a selective home market, a market being built up, one just entered. */
class RoutingBookTest {

    private static final Map<ScorePoints.Attribute, Map<String, Integer>> POINTS = Map.of(
            ScorePoints.Attribute.SIGNAL, Map.of("QUOTE_REQUEST", 40, "DOWNLOAD", 10, "EVENT", 20, "PRODUCT_PAGE", 10),
            ScorePoints.Attribute.SIZE_CLASS, Map.of("ENTERPRISE", 20, "MEDIUM", 10),
            ScorePoints.Attribute.PRODUCT, Map.of("SDWAN", 5));

    private static final RoutingBook BOOK = new RoutingBook(POINTS, List.of(
            new RoutingBook.Rule(1, new RoutingTerms("DE", null, Set.of(), 2, null, Set.of(SizeClass.MEDIUM, SizeClass.ENTERPRISE))),
            new RoutingBook.Rule(2, new RoutingTerms("DE", null, Set.of(BuyingSignal.QUOTE_REQUEST), 1, null, Set.of())),
            new RoutingBook.Rule(3, new RoutingTerms("AT", null, Set.of(), 1, 30, Set.of())),
            new RoutingBook.Rule(4, new RoutingTerms("AT", "SDWAN", Set.of(BuyingSignal.EVENT), 1, null, Set.of()))));

    private static RoutingBook.Decision lead(String country, String product, SizeClass size, BuyingSignal... signals) {
        return BOOK.verdict("web-form", null, Set.of(signals), size, product, country, false);
    }

    @Test
    void theHomeMarketWantsTwoReactionsFromAMediumOrLargeCompanyOrAQuoteRequest() {
        assertEquals(RoutingVerdict.Outcome.NURTURE, lead("DE", "WIFI", SizeClass.SMALL, BuyingSignal.DOWNLOAD,
                BuyingSignal.PRODUCT_PAGE).verdict().outcome());
        RoutingBook.Decision large = lead("DE", "WIFI", SizeClass.ENTERPRISE, BuyingSignal.DOWNLOAD, BuyingSignal.PRODUCT_PAGE);
        assertEquals(RoutingVerdict.Outcome.HANDED_OVER, large.verdict().outcome());
        assertEquals(1, large.rule().id());
        RoutingBook.Decision quote = lead("DE", "WIFI", SizeClass.SMALL, BuyingSignal.QUOTE_REQUEST);
        assertEquals(2, quote.rule().id());
        assertTrue(quote.verdict().protocol().contains("quote request"), quote.verdict().protocol());
    }

    @Test
    void theScoreIsThePointsOfSignalsSizeAndProductAndSaysWhy() {
        RoutingVerdict verdict = lead("AT", "WIFI", SizeClass.MEDIUM, BuyingSignal.EVENT, BuyingSignal.DOWNLOAD).verdict();
        assertEquals(40, verdict.score());
        assertEquals(List.of(new ScorePoints(ScorePoints.Attribute.SIGNAL, "EVENT", 20),
                new ScorePoints(ScorePoints.Attribute.SIGNAL, "DOWNLOAD", 10),
                new ScorePoints(ScorePoints.Attribute.SIZE_CLASS, "MEDIUM", 10)), verdict.points());
        assertEquals(RoutingVerdict.Outcome.HANDED_OVER, verdict.outcome());
        assertEquals(RoutingVerdict.Outcome.NURTURE,
                lead("AT", "WIFI", SizeClass.SMALL, BuyingSignal.DOWNLOAD).verdict().outcome(), "score 10 < 30");
    }

    @Test
    void aDeliveredScoreIsKeptAndCountsForTheRules() {
        RoutingVerdict verdict = BOOK.verdict("automation", 35, Set.of(BuyingSignal.DOWNLOAD), SizeClass.SMALL, "WIFI",
                "AT", false).verdict();
        assertEquals(35, verdict.score());
        assertEquals(List.of(new ScorePoints(ScorePoints.Attribute.DELIVERED, "automation", 35)), verdict.points());
        assertEquals(RoutingVerdict.Outcome.HANDED_OVER, verdict.outcome());
    }

    @Test
    void aProductsRulesStandInForTheMarketsRules() {
        // SDWAN in AT: only an event counts, the score rule of the market does not
        assertEquals(RoutingVerdict.Outcome.NURTURE, lead("AT", "SDWAN", SizeClass.ENTERPRISE, BuyingSignal.QUOTE_REQUEST)
                .verdict().outcome());
        assertEquals(4, lead("AT", "SDWAN", SizeClass.SMALL, BuyingSignal.EVENT).rule().id());
    }

    @Test
    void theRulesDoNotDecideWithoutSignalsWithAPersonsProtocolOrWithoutRulesForTheMarket() {
        assertNull(lead("DE", "WIFI", SizeClass.ENTERPRISE).verdict().outcome());
        assertNull(BOOK.verdict("web-form", null, Set.of(BuyingSignal.DOWNLOAD), SizeClass.SMALL, "WIFI", "DE", true)
                .verdict().outcome());
        RoutingVerdict swiss = lead("CH", "WIFI", SizeClass.SMALL, BuyingSignal.DOWNLOAD).verdict();
        assertNull(swiss.outcome());
        assertEquals(10, swiss.score(), "scored all the same");
    }

    @Test
    void aRuleKeptWithALeadReadsBackAsItWas() {
        RoutingTerms terms = new RoutingTerms("DE", "SDWAN", Set.of(BuyingSignal.EVENT, BuyingSignal.QUOTE_REQUEST), 1, 40,
                Set.of(SizeClass.ENTERPRISE));
        assertEquals(terms, RoutingTerms.decode(terms.encode()));
        assertEquals("market DE, product SDWAN: at least 1 buying signal of event, quote request, score at least 40,"
                + " size enterprise", terms.english());
    }
}
