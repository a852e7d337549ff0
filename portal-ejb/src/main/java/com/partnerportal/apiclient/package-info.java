/**
 * API credentials for partners' CRMs: a client-credentials client in Keycloak per credential, bound to
 * its partner (the {@code partner} claim and the sales rep's role are fixed in its tokens), created and
 * revoked by the partner's admin through Keycloak's admin API; its secret is shown once.
 */
package com.partnerportal.apiclient;
