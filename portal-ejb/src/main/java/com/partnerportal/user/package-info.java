/**
 * The people who use the portal, as the portal has met them at their sign-in: name, e-mail,
 * language and, for a reseller's users, their partner. Keycloak owns who they are; the portal keeps
 * what it needs to assign work to them and to write to them.
 */
package com.partnerportal.user;
