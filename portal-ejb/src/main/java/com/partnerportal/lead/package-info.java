/**
 * Leads: the prospect's company and contact, the handover protocol that says why the lead goes to
 * a partner, and the state machine every lead moves through, with each transition recorded.
 */
package com.partnerportal.lead;
