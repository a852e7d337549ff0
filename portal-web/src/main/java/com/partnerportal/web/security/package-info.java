/**
 * Who is calling, read from the OIDC token Keycloak issued; logout; redirects bound to the configured
 * base URL. The security headers of every response are set by the server (config/wildfly/portal.cli).
 */
package com.partnerportal.web.security;
