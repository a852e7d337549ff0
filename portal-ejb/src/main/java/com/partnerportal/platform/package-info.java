/**
 * What every capability shares: who is calling ({@link com.partnerportal.platform.Caller}),
 * the errors a use case reports to its boundary, paging, and the schema migrations run at start.
 */
package com.partnerportal.platform;
