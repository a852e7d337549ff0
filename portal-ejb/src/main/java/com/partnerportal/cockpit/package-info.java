/**
 * The shared cockpit: how the channel performs, for the manufacturer across all partners and for
 * each partner on its own leads. Every number is counted over one cohort (the leads published in a
 * period, narrowed by partner, market, product and campaign) by one predicate per number, and the
 * drill-down lists the leads of that same predicate, so that a number and its list always agree.
 */
package com.partnerportal.cockpit;
