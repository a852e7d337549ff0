package com.partnerportal.web.security;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.user.PortalUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * The caller of this request, built from the verified OIDC token: the realm roles and the
 * {@code partner} claim (the user attribute Keycloak maps into the token).
 */
@RequestScoped
public class CurrentUser {

    static final String PARTNER_CLAIM = "partner";

    /** How Keycloak names the user behind a client's own tokens (client credentials). */
    private static final String SERVICE_ACCOUNT = "service-account-";

    @Inject
    private HttpServletRequest request;

    @Inject
    private SignIns signIns;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            Principal principal = request.getUserPrincipal();
            Set<Role> roles = Arrays.stream(Role.values())
                    .filter(role -> request.isUserInRole(role.realmName()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            caller = new Caller(principal == null ? null : principal.getName(), roles, partnerClaim(principal));
            // a system's service account (a CRM's API credentials, lead delivery) is no person to tell of leads
            if (caller.username() != null && !caller.username().startsWith(SERVICE_ACCOUNT)) {
                signIns.seen(signIn(caller, principal));
            }
        }
        return caller;
    }

    /** The raw ID token, which Keycloak wants back when the user logs out. */
    public String idToken() {
        OidcSecurityContext context = oidcContext(request.getUserPrincipal());
        return context == null ? null : context.getIDTokenString();
    }

    /** What the token and the request say about the user: name, e-mail, language (German or English). */
    private PortalUser.SignIn signIn(Caller caller, Principal principal) {
        OidcSecurityContext context = oidcContext(principal);
        var token = context == null ? null : context.getToken();
        String language = request.getLocale() != null && "de".equals(request.getLocale().getLanguage()) ? "de" : "en";
        return new PortalUser.SignIn(caller.username(), caller.partnerKey(),
                token == null ? null : token.getClaimValueAsString("name"),
                token == null ? null : token.getClaimValueAsString("email"), language);
    }

    private static String partnerClaim(Principal principal) {
        OidcSecurityContext context = oidcContext(principal);
        return context == null || context.getToken() == null ? null
                : context.getToken().getClaimValueAsString(PARTNER_CLAIM);
    }

    private static OidcSecurityContext oidcContext(Principal principal) {
        return principal instanceof OidcPrincipal<?> oidc ? oidc.getOidcSecurityContext() : null;
    }
}
