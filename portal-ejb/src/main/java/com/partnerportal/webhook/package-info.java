/**
 * Webhooks out, per the Standard Webhooks convention: a partner's CRM (or the manufacturer's systems)
 * follows its leads. Each move of a lead writes a message per endpoint that may hear of it into an
 * outbox, in the move's transaction; a worker delivers them signed, with retries and backoff over about
 * three days, once per success whichever node sends.
 */
package com.partnerportal.webhook;
