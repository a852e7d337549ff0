/**
 * The partner directory: the reseller organisations with their tier, territory, certifications,
 * portfolio, company-size focus, capacity and absence, which the marketplace matches leads against.
 */
package com.partnerportal.partner;
