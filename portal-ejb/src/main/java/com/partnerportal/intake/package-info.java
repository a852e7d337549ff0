/**
 * How leads come in: many at once from a file ({@link com.partnerportal.intake.LeadImport}), each row
 * through the same creation, with its checks, as a lead sent alone.
 */
package com.partnerportal.intake;
