package com.partnerportal.web.security;

import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the portal who signs in (its {@link PortalUsers}), once per user and node, and again when
 * the token says something new about the user: a request does not pay for it a second time.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    private PortalUsers users;

    private final Map<String, PortalUser.SignIn> told = new ConcurrentHashMap<>();

    public void seen(PortalUser.SignIn signIn) {
        PortalUser.SignIn known = told.get(signIn.username());
        if (signIn.username() == null || known != null && Objects.equals(known.partnerKey(), signIn.partnerKey())
                && Objects.equals(known.displayName(), signIn.displayName()) && Objects.equals(known.email(), signIn.email())) {
            return;
        }
        try {
            users.learn(signIn);
            told.put(signIn.username(), signIn);
        } catch (RuntimeException e) {
            // the same user's first two requests at once, or a partner the directory does not know:
            // the request goes on, the next one tries again
            LOG.log(Level.WARNING, "Could not store sign-in of " + signIn.username(), e);
        }
    }

    private static final Logger LOG = Logger.getLogger(SignIns.class.getName());
}
