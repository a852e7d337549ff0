package com.partnerportal.web.ui;

import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.Code;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.ReturnAction;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The portal admin's reason catalogues: loss and return reasons with their German and English
 * labels; a code in use is switched off, never deleted. A return reason also has the follow-up of a
 * lead given back with it.
 */
@Named
@ViewScoped
public class CatalogueEditor implements Serializable {

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private CurrentUser user;

    private Catalog which = Catalog.LOSS_REASON;
    private List<Code> entries;
    private String code;
    private String labelDe;
    private String labelEn;
    private boolean active = true;
    private String action = ReturnAction.REVIEW.name();
    private boolean editing;

    public List<Catalog> getCatalogs() {
        return List.copyOf(ReferenceCatalog.EDITABLE);
    }

    public String getWhich() {
        return which.name();
    }

    public void setWhich(String which) {
        this.which = ReferenceCatalog.EDITABLE.stream().filter(c -> c.name().equals(which)).findFirst().orElse(Catalog.LOSS_REASON);
        entries = null;
        clear();
    }

    public List<Code> getEntries() {
        if (entries == null) {
            entries = catalog.entries(which);
        }
        return entries;
    }

    public void edit(Code entry) {
        code = entry.code();
        labelDe = entry.label().de();
        labelEn = entry.label().en();
        active = entry.active();
        action = entry.action() == null ? ReturnAction.REVIEW.name() : entry.action().name();
        editing = true;
    }

    public void clear() {
        code = null;
        labelDe = null;
        labelEn = null;
        active = true;
        action = ReturnAction.REVIEW.name();
        editing = false;
    }

    public void save() {
        try {
            catalog.save(user.caller(), which, code, new Code.Input(labelDe, labelEn, active,
                    isReturnReasons() ? action : null));
            FacesMessages.info("catalogues.saved");
            entries = null;
            clear();
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("entryForm", e);
        }
    }

    /** Whether the catalogue shown is the return reasons, whose entries have a follow-up. */
    public boolean isReturnReasons() {
        return which == Catalog.RETURN_REASON;
    }

    public List<ReturnAction> getActions() {
        return List.of(ReturnAction.values());
    }

    public boolean isEditing() { return editing; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getLabelDe() { return labelDe; }
    public void setLabelDe(String labelDe) { this.labelDe = labelDe; }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
}
