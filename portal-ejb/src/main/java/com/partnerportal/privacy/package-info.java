/**
 * Who saw a prospect's contact data: every reveal recorded ({@link com.partnerportal.privacy.ContactAudit}),
 * by the claim in its own statement too. The data subject's rights of access and erasure build on it
 * in the consent package.
 */
package com.partnerportal.privacy;
