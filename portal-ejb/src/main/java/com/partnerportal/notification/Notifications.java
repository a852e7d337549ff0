package com.partnerportal.notification;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Page;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A user's notifications: the portal adds them, the user lists them and marks them read. Nobody sees another's. */
@Stateless
public class Notifications {

    private static final NamedSql INSERT = new NamedSql(
            "insert into notification (username, type, lead_id, at, mail_due) values (:username, :type, :lead, :at, :mailDue)");

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private Clock clock;

    /** Tells {@code username} about a lead, in the caller's transaction. */
    public void add(String username, NotificationType type, Long leadId, Instant at) {
        em.persist(new Notification(username, type, leadId, at));
    }

    /** A notification to add: to whom, and when its mail is due (null: none). */
    public record New(String username, Instant mailDue) {
    }

    /**
     * Tells these users about a lead, each with its mail due as given, in the caller's transaction: one
     * round trip however many users (a partner's twenty users took twenty inserts of an entity each).
     */
    public void addAll(List<New> notifications, NotificationType type, long leadId, Instant at) {
        if (notifications.isEmpty()) {
            return;
        }
        try (Connection connection = database.getConnection()) {
            INSERT.updateEach(connection, notifications.stream().map(n -> {
                Map<String, Object> values = new HashMap<>();
                values.put("username", n.username());
                values.put("type", type.name());
                values.put("lead", leadId);
                values.put("at", at);
                values.put("mailDue", n.mailDue());
                return values;
            }).toList());
        } catch (SQLException e) {
            throw new PersistenceException("The notifications of lead " + leadId + " could not be written", e);
        }
    }

    /** A notification whose mail is due, of {@code username}, about {@code leadId}. */
    public record MailDue(long id, String username, NotificationType type, Long leadId) {
    }

    /** The notifications whose mail is due at {@code now} and not taken yet, user by user, the oldest first. */
    public List<MailDue> mailsDue(Instant now, int max) {
        return em.createQuery("""
                        select n.id, n.username, n.type, n.leadId from Notification n
                        where n.mailDue <= :now and n.mailedAt is null order by n.username, n.id""", Object[].class)
                .setParameter("now", now).setMaxResults(max).getResultList().stream()
                .map(r -> new MailDue((Long) r[0], (String) r[1], (NotificationType) r[2], (Long) r[3])).toList();
    }

    /**
     * Takes the mails of these notifications to send them, in a transaction of its own committed before
     * they go out: the ones this caller took, none that another sweep (on this node or another) took.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<MailDue> takeMails(List<MailDue> due, Instant now) {
        return due.stream().filter(mail -> em.createQuery(
                                "update Notification n set n.mailedAt = :now where n.id = :id and n.mailedAt is null")
                        .setParameter("now", now).setParameter("id", mail.id()).executeUpdate() == 1)
                .toList();
    }

    /** The caller's notifications, the newest first; {@code unread} true: only unread ones, false: only read ones, null: all. */
    public Page<Notification.View> list(Caller caller, Boolean unread, int page, int size) {
        String where = " from Notification n where n.username = :user"
                + (unread == null ? "" : unread ? " and n.readAt is null" : " and n.readAt is not null");
        Query count = em.createQuery("select count(n)" + where).setParameter("user", caller.username());
        List<Notification.View> items = em.createQuery("select n" + where + " order by n.at desc, n.id desc", Notification.class)
                .setParameter("user", caller.username()).setFirstResult(page * size).setMaxResults(size)
                .getResultList().stream().map(Notification::toView).toList();
        return new Page<>(items, (Long) count.getSingleResult(), page, size);
    }

    public long unreadCount(Caller caller) {
        return em.createQuery("select count(n) from Notification n where n.username = :user and n.readAt is null", Long.class)
                .setParameter("user", caller.username()).getSingleResult();
    }

    /** Marks one of the caller's notifications read; another user's is not found. */
    public void markRead(Caller caller, long id) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || !notification.username().equals(caller.username())) {
            throw new NotFoundException("Notification " + id);
        }
        notification.read(clock.instant());
    }

    /** Marks all the caller's notifications read; how many were unread. */
    public int markAllRead(Caller caller) {
        return em.createQuery("update Notification n set n.readAt = :now where n.username = :user and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("user", caller.username()).executeUpdate();
    }
}
