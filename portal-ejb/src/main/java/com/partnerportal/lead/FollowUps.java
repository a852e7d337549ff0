package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Clocks;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The follow-ups of open leads that are due ({@link Due}), as their workers see them: a rep those of
 * the leads assigned to it, the partner's admin those of all its partner's leads, the channel manager
 * all of them.
 */
@Stateless
public class FollowUps {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** How many follow-ups are overdue, due today and due this week (today's included). */
    public record Counts(long overdue, long today, long week) {
    }

    /** The follow-ups due in {@code due} (null: all up to the end of the week, overdue included), the oldest first. */
    public Page<FollowUp> due(Caller caller, Due due, int page, int size) {
        Scope scope = Scope.of(caller);
        Due.Window window = Due.window(due, clock.instant(), Clocks.zone());
        String where = where(scope, window);
        Query count = em.createQuery("select count(l)" + where);
        var select = em.createQuery("select l.id, l.companyName, l.state, l.followUpAt, l.assignee, l.partnerKey"
                + where + " order by l.followUpAt, l.id", Object[].class);
        bind(count, scope, window);
        bind(select, scope, window);
        List<FollowUp> items = select.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(t -> new FollowUp((Long) t[0], (String) t[1], (LeadState) t[2], (Instant) t[3], (String) t[4],
                        (String) t[5]))
                .toList();
        return new Page<>(items, (Long) count.getSingleResult(), page, size);
    }

    /** Whether the caller has follow-ups to see at all: a partner's user or the channel manager. */
    public static boolean isFor(Caller caller) {
        return Scope.orNull(caller) != null;
    }

    /** The caller's counts for the home page. */
    public Counts counts(Caller caller) {
        Scope scope = Scope.of(caller);
        Instant now = clock.instant();
        return new Counts(count(scope, Due.OVERDUE.window(now, Clocks.zone())),
                count(scope, Due.TODAY.window(now, Clocks.zone())), count(scope, Due.WEEK.window(now, Clocks.zone())));
    }

    private long count(Scope scope, Due.Window window) {
        Query count = em.createQuery("select count(l)" + where(scope, window));
        bind(count, scope, window);
        return (Long) count.getSingleResult();
    }

    private static String where(Scope scope, Due.Window window) {
        return " from Lead l where l.state in :open and l.followUpAt < :until"
                + (window.from() == null ? "" : " and l.followUpAt >= :from") + scope.where();
    }

    private static void bind(Query query, Scope scope, Due.Window window) {
        query.setParameter("open", LeadState.OPEN).setParameter("until", window.until());
        if (window.from() != null) {
            query.setParameter("from", window.from());
        }
        scope.parameters().forEach(query::setParameter);
    }

    /** Whose follow-ups a caller sees, as a condition on the leads. */
    private record Scope(String where, Map<String, Object> parameters) {

        static Scope of(Caller caller) {
            Scope scope = orNull(caller);
            if (scope == null) {
                throw new AccessDeniedException("Follow-ups are for the partner's users and the channel manager");
            }
            return scope;
        }

        static Scope orNull(Caller caller) {
            if (caller.has(Role.CHANNEL_MANAGER)) {
                return new Scope("", Map.of());
            }
            if (caller.has(Role.RESELLER_ADMIN) && caller.partnerKey() != null) {
                return new Scope(" and l.partnerKey = :partner", Map.of("partner", caller.partnerKey()));
            }
            if (caller.has(Role.RESELLER_REP) && caller.partnerKey() != null && caller.username() != null) {
                return new Scope(" and l.partnerKey = :partner and l.assignee = :assignee",
                        Map.of("partner", caller.partnerKey(), "assignee", caller.username()));
            }
            return null;
        }
    }
}
