package com.partnerportal.web.ui;

import com.partnerportal.intake.ImportColumn;
import com.partnerportal.intake.ImportReport;
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

/** The channel manager's lead import: a CSV or XLSX file up, the report of what came of each row back. */
@Named
@ViewScoped
public class LeadImportForm implements Serializable {

    @Inject
    private LeadImports imports;

    @Inject
    private CurrentUser user;

    private transient UploadedFile file;
    private ImportReport report;

    /** One line of the report's table: a row's line, a column at fault, what is wrong. */
    public record Error(long line, String field, String message) {
    }

    public void run() {
        report = null;
        if (file == null || file.getSize() == 0) {
            FacesMessages.error("import.noFile");
            return;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toLowerCase(Locale.ROOT);
        LeadFile.Format format = name.endsWith(".xlsx") ? LeadFile.Format.XLSX : LeadFile.Format.CSV;
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        try (InputStream in = file.getInputStream()) {
            report = imports.run(user.caller(), in, format, locale);
            FacesMessages.info("import.done", report.created() + report.quarantined());
        } catch (InvalidInputException e) {
            FacesMessages.fieldErrors("importForm", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns a file may have, in the contract's order. */
    public String getColumns() {
        return String.join(", ", Arrays.stream(ImportColumn.values()).map(c -> c.header).toList());
    }

    public List<Error> getErrors() {
        return report == null ? List.of() : report.rejected().stream()
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

    public ImportReport getReport() {
        return report;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
