/**
 * The prospect's consent: which partners may contact the person behind a lead, as the prospect or
 * the channel manager decided it, each decision kept for good as proof ({@link Consents}).
 */
package com.partnerportal.consent;
