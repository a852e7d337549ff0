package com.partnerportal.web.ui;

import com.partnerportal.intake.ImportColumn;
import com.partnerportal.intake.ImportJobs;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.web.export.Table;
import com.partnerportal.web.imports.LeadFile;
import com.partnerportal.web.imports.LeadImports;
import com.partnerportal.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The channel manager's lead import: a CSV or XLSX file up, imported in the background with its
 * progress shown as it goes, then the report of what came of each row; recent imports can be opened
 * again ({@code ?import=id}), also after leaving the page.
 */
@Named
@ViewScoped
public class LeadImportForm implements Serializable {

    @Inject
    private LeadImports imports;

    @Inject
    private ImportJobs jobs;

    @Inject
    private CurrentUser user;

    private transient UploadedFile file;
    private Long importId;
    private transient ImportJobs.View job;

    /** One line of the report's table: a row's line, a column at fault, what is wrong. */
    public record Error(long line, String field, String message) {
    }

    /** Opens the import named in the address, if any. */
    public void load() {
        if (importId != null) {
            try {
                job = jobs.find(user.caller(), importId);
            } catch (NotFoundException e) {
                importId = null;
                FacesMessages.error("import.notFound");
            }
        }
    }

    /** Starts the import, then shows it at its own address, where a reload finds it again. */
    public String run() {
        if (file == null || file.getSize() == 0) {
            FacesMessages.error("import.noFile");
            return null;
        }
        String name = file.getFileName() == null ? "" : file.getFileName();
        LeadFile.Format format = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? LeadFile.Format.XLSX : LeadFile.Format.CSV;
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        try (InputStream in = file.getInputStream()) {
            long id = imports.start(user.caller(), in, format, name, locale);
            return "/lead-import?faces-redirect=true&import=" + id;
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("importForm", e);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asked by the page every second while the import runs. */
    public void refresh() {
        if (importId != null) {
            job = jobs.find(user.caller(), importId);
            if (job.state() == ImportJobs.State.DONE) {
                FacesMessages.info("import.done", job.created() + job.quarantined());
            }
        }
    }

    /** The columns a file may have, in the contract's order. */
    public String getColumns() {
        return String.join(", ", Arrays.stream(ImportColumn.values()).map(c -> c.header).toList());
    }

    public List<ImportJobs.View> getRecent() {
        return jobs.recent(user.caller(), 10);
    }

    public List<Error> getErrors() {
        return job == null ? List.of() : job.rejected().stream()
                .flatMap(r -> r.errors().stream().map(e -> new Error(r.line(), e.field(), e.message()))).toList();
    }

    /** The rejected rows as a CSV file, to correct the source file by. */
    public StreamedContent reportFile() {
        Table table = new Table("report", List.of("line", "column", "problem"),
                getErrors().stream().map(e -> List.<Object>of(e.line(), e.field(), e.message())).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            table.write(Table.Format.CSV, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        return DefaultStreamedContent.builder().name("lead-import-report.csv").contentType(Table.Format.CSV.contentType)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public ImportJobs.View getJob() {
        if (job == null && importId != null) {
            load();
        }
        return job;
    }

    public Long getImportId() {
        return importId;
    }

    public void setImportId(Long importId) {
        this.importId = importId;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
