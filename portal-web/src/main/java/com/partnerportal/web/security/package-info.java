/**
 * Who is calling, read from the OIDC token Keycloak issued, and the headers every response carries.
 */
package com.partnerportal.web.security;
