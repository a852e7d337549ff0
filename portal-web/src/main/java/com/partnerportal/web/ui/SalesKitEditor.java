package com.partnerportal.web.ui;

import com.partnerportal.kit.KitFile;
import com.partnerportal.kit.KitItem;
import com.partnerportal.kit.SalesKit;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/** The channel manager keeps the sales kit: adds a text or a document for a product or campaign, and sees what is used. */
@Named
@ViewScoped
public class SalesKitEditor implements Serializable {

    @Inject
    private SalesKit kit;

    @Inject
    private CurrentUser user;

    private String title;
    private String product;
    private String campaign;
    private String text;
    private transient UploadedFile file;
    private List<KitItem.View> items;

    @Inject
    private com.partnerportal.cockpit.Campaigns campaigns;

    /** The campaigns to choose from, by name. */
    private List<jakarta.faces.model.SelectItem> campaignItems;

    public List<jakarta.faces.model.SelectItem> getCampaigns() {
        if (campaignItems == null) {
            campaignItems = campaigns.list(user.caller()).stream()
                    .map(c -> new jakarta.faces.model.SelectItem(c.code(), c.name() == null ? c.code() : c.name())).toList();
        }
        return campaignItems;
    }

    /** The campaign's name for the table, its code where it has none. */
    public String campaignName(String code) {
        return getCampaigns().stream().filter(c -> code.equals(c.getValue())).map(jakarta.faces.model.SelectItem::getLabel)
                .findFirst().orElse(code);
    }

    public List<KitItem.View> getItems() {
        if (items == null) {
            items = kit.all(user.caller());
        }
        return items;
    }

    public void save() {
        try {
            KitFile document = file == null || file.getSize() == 0 ? null : KitFile.of(file.getFileName(), file.getContent());
            kit.add(user.caller(), new SalesKit.Input(title, product, campaign, document == null ? text : null), document);
            FacesMessages.info("kit.saved");
            title = null;
            text = null;
            file = null;
            items = null;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("kitForm", e);
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getProduct() { return product; }
    public void setProduct(String product) { this.product = product; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
}
