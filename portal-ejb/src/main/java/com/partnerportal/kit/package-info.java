/**
 * The sales kit: what the manufacturer gives a partner with a lead (seed 003: arguments, offers and
 * services for the product at the moment of the claim), kept per product and campaign, and its use.
 */
package com.partnerportal.kit;
