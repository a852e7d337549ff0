/**
 * Service levels of the pool: a published lead nobody takes is escalated to the channel manager; a
 * claimed lead nobody works is taken back and counted against the partner.
 */
package com.partnerportal.sla;
