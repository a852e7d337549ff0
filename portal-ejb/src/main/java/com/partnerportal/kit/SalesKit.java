package com.partnerportal.kit;

import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadView;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sales kit (seed 003): arguments, offers, services and documents per product and per campaign,
 * kept by the channel manager and handed to the partner that holds a lead of that product or campaign,
 * with the claim and on the lead's page. Every download is recorded, so the cockpit shows which
 * material is used. Kept in the database, so that every node serves it.
 */
@Stateless
public class SalesKit {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LeadService leads;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private KitShelf shelf;

    @Inject
    private Event<KitShelf.Added> added;

    @Inject
    private Clock clock;

    /** What the channel manager writes: a title, a product and/or a campaign, and a text unless a file comes with it. */
    public record Input(String title, String product, String campaign, String text) {
    }

    /** Adds a piece to the kit: a text, or a document ({@code file} not null). */
    public KitItem.View add(Caller caller, Input input, KitFile file) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The channel manager keeps the sales kit");
        }
        Input in = input == null ? new Input(null, null, null, null) : input;
        Validation v = new Validation();
        String title = v.requireText("title", in.title(), 200);
        String product = CleanText.blankToNull(in.product());
        String campaign = CleanText.blankToNull(in.campaign());
        if (product != null && !catalog.codes(Catalog.PRODUCT).contains(product.toUpperCase(Locale.ROOT))) {
            v.reject("product", "unknownCode", product);
        }
        if (campaign != null && em.createQuery("select count(c) from Campaign c where c.code = :c", Long.class)
                .setParameter("c", campaign).getSingleResult() == 0) {
            v.reject("campaign", "unknownCode", campaign);
        }
        if (product == null && campaign == null) {
            v.reject("product", "kitSource");
        }
        String text = CleanText.blankToNull(in.text());
        if (text != null && text.length() > 4000) {
            v.reject("text", "tooLong", 4000);
        }
        if ((text == null) == (file == null)) {
            v.reject(file == null ? "text" : "file", file == null ? "required" : "kitContent");
        }
        v.throwIfInvalid();
        KitItem item = new KitItem(title, product == null ? null : product.toUpperCase(Locale.ROOT), campaign, text, file,
                caller.username(), clock.instant());
        em.persist(item);
        em.flush();
        added.fire(new KitShelf.Added());
        if (file != null) {
            em.createNativeQuery("update sales_kit_item set content = :bytes where id = :id")
                    .setParameter("bytes", file.bytes()).setParameter("id", item.id()).executeUpdate();
        }
        return item.toView(0);
    }

    /** The whole kit, newest first, with how often each piece was downloaded: for the channel manager. */
    public List<KitItem.View> all(Caller caller) {
        if (!caller.isManufacturer()) {
            throw new AccessDeniedException("The channel manager keeps the sales kit");
        }
        Map<Long, Long> downloads = new HashMap<>();
        em.createQuery("select d.itemId, count(d) from KitDownload d group by d.itemId", Object[].class).getResultList()
                .forEach(r -> downloads.put((Long) r[0], (Long) r[1]));
        return em.createQuery("select k from KitItem k order by k.createdAt desc, k.id desc", KitItem.class).getResultList().stream()
                .map(k -> k.toView(downloads.getOrDefault(k.id(), 0L))).toList();
    }

    /** The kit's documents, the most downloaded first: which material partners use. */
    public List<KitItem.View> mostUsed(Caller caller, int limit) {
        return all(caller).stream().filter(k -> k.kind() == KitItem.Kind.DOCUMENT)
                .sorted(Comparator.comparingLong(KitItem.View::downloads).reversed()).limit(limit).toList();
    }

    /** The kit that applies to a lead the caller sees (its product's and its campaign's), by title. */
    public List<KitItem.View> forLead(Caller caller, long leadId) {
        return shelf.applyingTo(leads.find(caller, leadId)); // not found for a partner that does not hold it
    }

    /** A document to download, named and typed as stored. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * The document of a kit item, for the channel manager, or for a partner that holds {@code leadId}
     * and the item applies to that lead; the download is recorded with who, for which lead and when.
     */
    public Download download(Caller caller, long itemId, Long leadId) {
        KitItem item = em.find(KitItem.class, itemId);
        if (item == null || !item.isDocument()) {
            throw new NotFoundException("Sales kit item " + itemId);
        }
        if (!caller.isManufacturer()) {
            if (leadId == null) {
                throw new InvalidInputException(List.of(new com.partnerportal.platform.FieldError("lead", "required")));
            }
            LeadView lead = leads.find(caller, leadId);
            if (shelf.applyingTo(lead).stream().noneMatch(k -> k.id() == itemId)) {
                throw new NotFoundException("Sales kit item " + itemId + " for lead " + leadId);
            }
        }
        em.persist(new KitDownload(itemId, leadId, caller.username(), caller.isReseller() ? caller.partnerKey() : null,
                clock.instant()));
        byte[] bytes = (byte[]) em.createNativeQuery("select content from sales_kit_item where id = :id")
                .setParameter("id", itemId).getSingleResult();
        KitItem.View view = item.toView(0);
        return new Download(view.fileName(), view.contentType(), bytes);
    }

}
