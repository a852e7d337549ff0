package com.partnerportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user as last seen at sign-in. */
@Entity
@Table(name = "portal_user")
public class PortalUser {

    @Id
    private String username;
    @Column(name = "partner_key")
    private String partnerKey;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    @Column(nullable = false)
    private String language;
    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;
    @Enumerated(EnumType.STRING)
    @Column(name = "offer_mail", nullable = false)
    private OfferMail offerMail = OfferMail.INSTANT;

    protected PortalUser() {
    }

    PortalUser(SignIn signIn, Instant now) {
        this.username = signIn.username();
        this.firstSeen = now;
        this.language = signIn.language();
        update(signIn, now);
    }

    /** What the token says now; the language stays as the user last chose it on the pages. */
    void update(SignIn signIn, Instant now) {
        partnerKey = signIn.partnerKey();
        displayName = signIn.displayName();
        email = signIn.email();
        lastSeen = now;
    }

    void speaks(String language) {
        this.language = language;
    }

    void prefers(OfferMail offerMail) {
        this.offerMail = offerMail;
    }

    Profile toProfile() {
        View view = toView();
        return new Profile(view.username(), view.name(), view.email(), view.language(), view.partner(), offerMail);
    }

    /** What a user sees and sets about itself: who it is, and how it hears of new leads. */
    public record Profile(String username, String name, String email, String language, String partner, OfferMail offerMail) {
    }

    public View toView() {
        return new View(username, displayName == null || displayName.isBlank() ? username : displayName, email,
                language, partnerKey);
    }

    /** A user as pages and mails need it. */
    public record View(String username, String name, String email, String language, String partner) {
    }

    /** What a sign-in tells about the user: from the verified token; the language of its first request. */
    public record SignIn(String username, String partnerKey, String displayName, String email, String language) {
    }
}
