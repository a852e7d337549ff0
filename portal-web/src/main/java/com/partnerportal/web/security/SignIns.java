package com.partnerportal.web.security;

import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
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
        if (signIn.username() == null || Objects.equals(told.get(signIn.username()), signIn)) {
            return;
        }
        users.learn(signIn);
        told.put(signIn.username(), signIn);
    }
}
