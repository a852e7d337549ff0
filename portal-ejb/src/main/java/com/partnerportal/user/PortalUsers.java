package com.partnerportal.user;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The users the portal has met: learnt at sign-in, asked for by whoever assigns work or writes mail. */
@Stateless
public class PortalUsers {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Stores what a sign-in says about its user, or updates it, in a transaction of its own: the
     * request that brought it goes on whether or not this is stored.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void learn(PortalUser.SignIn signIn) {
        if (signIn.username() == null) {
            return;
        }
        PortalUser known = em.find(PortalUser.class, signIn.username());
        if (known == null) {
            em.persist(new PortalUser(signIn, clock.instant()));
        } else {
            known.update(signIn, clock.instant());
        }
    }

    /** The language the user chose on the pages, for what the portal writes to them. */
    public void speaks(String username, String language) {
        PortalUser user = username == null ? null : em.find(PortalUser.class, username);
        if (user != null) {
            user.speaks(language);
        }
    }

    /** The caller's profile, as its last sign-in left it. */
    public PortalUser.Profile profile(Caller caller) {
        return own(caller).toProfile();
    }

    /** Sets how the caller hears of offered leads by mail; from the next offer on. */
    public PortalUser.Profile prefer(Caller caller, OfferMail offerMail) {
        if (offerMail == null) {
            throw new InvalidInputException(List.of(new FieldError("offerMail", "oneOf", "INSTANT, HOURLY, DAILY, NONE")));
        }
        PortalUser user = own(caller);
        user.prefers(offerMail);
        return user.toProfile();
    }

    private PortalUser own(Caller caller) {
        PortalUser user = caller.username() == null ? null : em.find(PortalUser.class, caller.username());
        if (user == null) {
            throw new NotFoundException("The portal has not met " + caller.username() + " at a sign-in yet");
        }
        return user;
    }

    public Optional<PortalUser.View> find(String username) {
        return Optional.ofNullable(username == null ? null : em.find(PortalUser.class, username)).map(PortalUser::toView);
    }

    /** The users of a partner the portal has met, by name; only the partner itself and the manufacturer ask. */
    public List<PortalUser.View> ofPartner(Caller caller, String partnerKey) {
        if (!caller.sees(partnerKey)) {
            throw new AccessDeniedException("Only the partner itself and the manufacturer see its users");
        }
        return em.createQuery("select u from PortalUser u where u.partnerKey = :p order by u.displayName, u.username",
                        PortalUser.class)
                .setParameter("p", partnerKey).getResultList().stream().map(PortalUser::toView).toList();
    }

    /** The users of a partner the portal has met: for telling them something, not for showing. */
    public List<PortalUser.View> membersOf(String partnerKey) {
        return em.createQuery("select u from PortalUser u where u.partnerKey = :p order by u.username", PortalUser.class)
                .setParameter("p", partnerKey).getResultList().stream().map(PortalUser::toView).toList();
    }

    /** A user of a partner, and how it wants to hear of offered leads. */
    public record Member(String username, OfferMail offerMail) {
    }

    /** The users of these partners the portal has met, with how each wants to hear of offered leads (read, not loaded to change). */
    public List<Member> membersOf(java.util.Collection<String> partnerKeys) {
        if (partnerKeys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u.username, u.offerMail from PortalUser u where u.partnerKey in :p order by u.username",
                        Object[].class)
                .setParameter("p", partnerKeys).getResultList().stream()
                .map(row -> new Member((String) row[0], (OfferMail) row[1])).toList();
    }

    /** Whether {@code username} is a user of {@code partnerKey} the portal has met. */
    public boolean belongsTo(String username, String partnerKey) {
        return find(username).map(user -> partnerKey != null && partnerKey.equals(user.partner())).orElse(false);
    }
}
