/**
 * The partner pool: which published leads a partner may take now and why they fit (region,
 * certification, portfolio, company size, tier early access), and the claim that exactly one
 * partner wins.
 */
package com.partnerportal.marketplace;
