package com.partnerportal.web.ui;

import com.partnerportal.kit.KitItem;
import com.partnerportal.kit.SalesKit;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The sales kit on a lead's page: the texts to read, the documents to download (each download recorded). */
@Named
@ViewScoped
public class LeadKit implements Serializable {

    @Inject
    private SalesKit kit;

    @Inject
    private CurrentUser user;

    private Long leadId;
    private List<KitItem.View> items;

    /** The kit that applies to the lead, read once per view. */
    public List<KitItem.View> items(long lead) {
        if (items == null || leadId == null || leadId != lead) {
            leadId = lead;
            items = kit.forLead(user.caller(), lead);
        }
        return items;
    }

    public StreamedContent download(KitItem.View item) {
        SalesKit.Download download = kit.download(user.caller(), item.id(), leadId);
        return DefaultStreamedContent.builder().name(download.fileName()).contentType(download.contentType())
                .contentLength((long) download.bytes().length).stream(() -> new ByteArrayInputStream(download.bytes())).build();
    }
}
