package com.partnerportal.consent;

import com.partnerportal.marketplace.Marketplace;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Clocks;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.Mailer;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links to the public consent page. The channel manager asks a prospect ({@link #invite}); the mail
 * carries a random token of 256 bits, of which only the SHA-256 hash is kept, valid once and for
 * {@code PORTAL_CONSENT_LINK_DAYS} days (14). The page shows what a token opens ({@link #visit})
 * without changing anything; the prospect's decisions use the token up ({@link #decide}) and are
 * confirmed by mail with a fresh link to change them. A used or expired link may ask for one fresh
 * link to the address on file ({@link #renew}), which says nothing about whether there is one.
 * No reminders: a new request is the channel manager's.
 */
@Stateless
public class ConsentInvitations {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token opens. */
    public enum Status { OPEN, USED, EXPIRED, UNKNOWN }

    /** A partner the prospect may choose, and what holds for it now. */
    public record Choice(String partner, String name, String city, com.partnerportal.partner.Tier tier, Decision decision) {
    }

    /**
     * The consent page of a token: whether it is open, and, if it is, the prospect's name, the request,
     * the partners to choose from, and the text in the prospect's language.
     */
    public record Visit(Status status, String name, String company, String language, List<Choice> partners) {

        static Visit closed(Status status) {
            return new Visit(status, null, null, null, List.of());
        }
    }

    /** The consent text of a version and language. */
    public record Text(String version, String title, String body) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Mailer mailer;

    @Inject
    private Consents consents;

    @Inject
    private Marketplace marketplace;

    /** The channel manager asks the prospect by mail to choose; 409 NO_EMAIL when the lead has no address. */
    public void invite(Caller caller, long leadId) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The channel manager asks prospects for consent");
        }
        Prospect prospect = prospect(leadId);
        if (prospect == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        if (prospect.email() == null || prospect.email().isBlank()) {
            throw new ConflictException("NO_EMAIL", "The lead has no e-mail address to send the request to");
        }
        send(prospect, ConsentMail.Kind.INVITATION, caller.username(), null);
    }

    public Visit visit(String token) {
        Invitation invitation = invitation(token, false);
        Status status = status(invitation);
        if (status != Status.OPEN) {
            return Visit.closed(status);
        }
        return visit(invitation.leadId(), invitation.language());
    }

    /**
     * Records the prospect's decisions about the partners on the page (others are ignored) and uses
     * the token up; returns the page as it is afterwards, or the token's status if it was not open.
     */
    public Visit decide(String token, Map<String, Decision> decisions) {
        Invitation invitation = invitation(token, true);
        Status status = status(invitation);
        if (status != Status.OPEN) {
            return Visit.closed(status);
        }
        long leadId = invitation.leadId();
        Visit before = visit(leadId, invitation.language());
        Map<String, Decision> chosen = new LinkedHashMap<>();
        for (Choice choice : before.partners()) {
            Decision decision = decisions.get(choice.partner());
            if (decision == Decision.ALLOWED || decision == Decision.REFUSED) {
                chosen.put(choice.partner(), decision);
            }
        }
        Instant now = clock.instant();
        em.createNativeQuery("update consent_invitation set used_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", invitation.id()).executeUpdate();
        consents.decide(leadId, chosen, ConsentChannel.CONSENT_PAGE, Consents.TEXT_VERSION, "prospect", null);
        Visit after = visit(leadId, invitation.language());
        String summary = after.partners().stream().filter(c -> c.decision() != Decision.NONE)
                .map(c -> "- " + c.name() + (c.city() == null ? "" : ", " + c.city()) + ": "
                        + ConsentMail.decision(after.language(), c.decision()))
                .collect(Collectors.joining("\n"));
        send(prospect(leadId), ConsentMail.Kind.CONFIRMATION, "prospect", summary);
        return after;
    }

    /**
     * One fresh link for a used or expired one, to the address on file; silently nothing for an
     * unknown token, an open one, or one renewed before.
     */
    public void renew(String token) {
        Invitation invitation = invitation(token, true);
        Status status = status(invitation);
        if ((status != Status.USED && status != Status.EXPIRED) || invitation.renewedAt() != null) {
            return;
        }
        em.createNativeQuery("update consent_invitation set renewed_at = :now where id = :id")
                .setParameter("now", clock.instant()).setParameter("id", invitation.id()).executeUpdate();
        Prospect prospect = prospect(invitation.leadId());
        if (prospect != null && prospect.email() != null && !prospect.email().isBlank()) {
            send(prospect, ConsentMail.Kind.RENEWAL, "prospect", null);
        }
    }

    /** The consent text the page shows, in the language asked for (German or English). */
    public Text text(String language) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select version, title, body from consent_text where version = :version and language = :language""")
                .setParameter("version", Consents.TEXT_VERSION).setParameter("language", "de".equals(language) ? "de" : "en")
                .getSingleResult();
        return new Text((String) row[0], (String) row[1], (String) row[2]);
    }

    private record Prospect(long leadId, String name, String company, String email, String language) {
    }

    private Prospect prospect(long leadId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select contact_first_name, contact_last_name, company_name, contact_email, country
                        from sales_lead where id = :id""", Object[].class).setParameter("id", leadId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        String name = ((r[0] == null ? "" : r[0] + " ") + (r[1] == null ? "" : r[1])).strip();
        return new Prospect(leadId, name, (String) r[2], (String) r[3], ConsentMail.languageOf((String) r[4]));
    }

    private Visit visit(long leadId, String language) {
        Prospect prospect = prospect(leadId);
        Map<String, Decision> current = consents.decisions(leadId);
        List<Choice> choices = new ArrayList<>();
        for (Marketplace.Candidate partner : marketplace.fitting(leadId)) {
            choices.add(new Choice(partner.key(), partner.name(), partner.city(), partner.tier(),
                    current.getOrDefault(partner.key(), Decision.NONE)));
        }
        return new Visit(Status.OPEN, prospect.name(), prospect.company(), language, choices);
    }

    /** A new link, stored by its hash, and the mail that carries it. */
    private void send(Prospect prospect, ConsentMail.Kind kind, String by, String decisions) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(validity());
        em.createNativeQuery("""
                        insert into consent_invitation (lead_id, token_hash, language, created_by, created_at, expires_at)
                        values (:lead, :hash, :language, :by, :now, :expires)""")
                .setParameter("lead", prospect.leadId()).setParameter("hash", hash(token))
                .setParameter("language", prospect.language()).setParameter("by", by).setParameter("now", now)
                .setParameter("expires", expires).executeUpdate();
        ConsentMail mail = ConsentMail.of(kind, prospect.language(), prospect.name(), prospect.company(), token, expires,
                decisions, Clocks.zone());
        mailer.send(prospect.email(), mail.subject(), mail.text());
    }

    /** A link as stored: its lead, the prospect's language, until when it holds, when it was used and renewed. */
    private record Invitation(long id, long leadId, String language, Instant expiresAt, Instant usedAt, Instant renewedAt) {
    }

    /** The link of a token, locked for a change if asked; null for a token never given. */
    private Invitation invitation(String token, boolean lock) {
        if (token == null || token.length() != 43) {
            return null;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select id, lead_id, language, expires_at, used_at, renewed_at from consent_invitation
                        where token_hash = :hash""" + (lock ? " for update" : ""), Object[].class)
                .setParameter("hash", hash(token)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Invitation(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                Databases.instant(r[3]), Databases.instant(r[4]), Databases.instant(r[5]));
    }

    private Status status(Invitation invitation) {
        if (invitation == null) {
            return Status.UNKNOWN;
        }
        if (invitation.usedAt() != null) {
            return Status.USED;
        }
        return invitation.expiresAt().isAfter(clock.instant()) ? Status.OPEN : Status.EXPIRED;
    }

    private static Duration validity() {
        String days = System.getenv("PORTAL_CONSENT_LINK_DAYS");
        try {
            return Duration.ofDays(days == null || days.isBlank() ? 14 : Math.max(1, Integer.parseInt(days.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofDays(14);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
