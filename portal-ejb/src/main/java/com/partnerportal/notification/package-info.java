/**
 * In-app notifications: what the portal tells one user about a lead (a follow-up fell due), shown
 * behind the bell of the page header until the user reads it.
 */
package com.partnerportal.notification;
