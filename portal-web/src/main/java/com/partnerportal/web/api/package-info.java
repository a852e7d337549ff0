/**
 * The REST API of the contract under {@code /portal/api}: thin resources that turn HTTP into use-case
 * calls, and the mapping of every refusal to an RFC 9457 problem body.
 */
package com.partnerportal.web.api;
