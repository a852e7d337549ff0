package com.partnerportal.consent;

import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In the demo run, mails each prospect of the consent demo ({@code db.demo.R__3_Demo_consent}) a
 * consent link once, as the channel manager would: their mailboxes then hold a mail to open and click
 * through. A lead that has a link already gets none.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoConsentMails {

    private static final Logger LOG = Logger.getLogger(DemoConsentMails.class.getName());

    /** The demo's channel manager, who sends the requests. */
    private static final Caller SENDER = new Caller("channel.manager", Set.of(Role.CHANNEL_MANAGER), null);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentInvitations invitations;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each mail in its own transaction
    void mail() {
        if (!Boolean.parseBoolean(Settings.value("portal.demo-data", "false"))) {
            return;
        }
        List<Long> leads = em.createNativeQuery("""
                        select l.id from sales_lead l
                        where l.source = 'fair-scan' and l.contact_email is not null and l.erased_at is null
                          and not exists (select 1 from consent_invitation i where i.lead_id = l.id)
                        order by l.id""", Long.class).getResultList();
        for (Long lead : leads) {
            try {
                invitations.invite(SENDER, lead);
            } catch (RuntimeException e) { // no mail server: the demo runs on without the mails
                LOG.log(Level.WARNING, "The consent demo's mail to the prospect of lead " + lead + " was not sent", e);
            }
        }
        if (!leads.isEmpty()) {
            LOG.info(() -> "Consent demo: " + leads.size() + " prospect(s) mailed a consent link");
        }
    }
}
