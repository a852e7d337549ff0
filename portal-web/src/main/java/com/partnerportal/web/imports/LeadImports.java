package com.partnerportal.web.imports;

import com.partnerportal.intake.ImportJobs;
import com.partnerportal.intake.ImportReport;
import com.partnerportal.intake.Customers;
import com.partnerportal.intake.LeadImport;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An uploaded lead file imported, for the API and the page alike: written to a temporary file as it
 * arrives (at most {@link #MAX_MEGABYTES} MB, never held in memory), its rows counted (at most
 * {@link LeadImport#MAX_ROWS}), then imported row by row.
 */
@ApplicationScoped
public class LeadImports {

    public static final int MAX_MEGABYTES = 50;

    private static final Logger LOG = Logger.getLogger(LeadImports.class.getName());

    @Inject
    private LeadImport imports;

    @Inject
    private Customers customerMaster;

    @Inject
    private ImportJobs jobs;

    /** The server's own pool for work in the background: its threads carry the application's context. */
    @Resource
    private ManagedExecutorService background;

    public ImportReport run(Caller caller, InputStream upload, LeadFile.Format format, Locale locale) {
        return spooled(upload, suffix(format), file -> {
            counted(file, format);
            try (LeadFile rows = LeadFile.open(file, format)) {
                return imports.run(caller, rows, locale);
            }
        });
    }

    /**
     * Starts the import in the background once the file is stored and its rows counted (a file that
     * cannot be read or holds too many rows is refused at once); returns the import to watch
     * ({@link ImportJobs}).
     */
    public long start(Caller caller, InputStream upload, LeadFile.Format format, String fileName, Locale locale) {
        Path file = null;
        try {
            file = Files.createTempFile("portal-import-", suffix(format));
            spool(upload, file);
            long id = jobs.start(caller, fileName, counted(file, format));
            Path stored = file;
            background.execute(() -> runInBackground(id, caller, stored, format, locale));
            file = null; // the import removes it when done
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be stored for its import", e);
        } finally {
            delete(file);
        }
    }

    private void runInBackground(long id, Caller caller, Path file, LeadFile.Format format, Locale locale) {
        try (LeadFile rows = LeadFile.open(file, format)) {
            int[] stored = {0};
            imports.run(caller, rows, locale, (read, soFar) -> stored[0] = jobs.progress(id, read, soFar, stored[0]));
            jobs.done(id);
        } catch (InvalidInputException e) {
            jobs.failed(id, e.errors().get(0).field() + " " + e.errors().get(0).message(locale));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + id + " stopped on a fault", e);
            jobs.failed(id, String.valueOf(e.getMessage()));
        } finally {
            delete(file);
        }
    }

    /** The rows of a file, refused whole when it holds more than {@link LeadImport#MAX_ROWS}. */
    private static long counted(Path file, LeadFile.Format format) throws IOException {
        long rows = LeadFile.count(file, format);
        if (rows > LeadImport.MAX_ROWS) {
            throw invalid("fileTooManyRows", LeadImport.MAX_ROWS);
        }
        return rows;
    }

    private static String suffix(LeadFile.Format format) {
        return format == LeadFile.Format.CSV ? ".csv" : ".xlsx";
    }

    /** Accounts of the customer master from a CSV file, each row stored or reported on its own. */
    public Customers.ImportReport customers(Caller caller, InputStream upload, Locale locale) {
        return spooled(upload, ".csv", file -> {
            try (CustomerFile rows = CustomerFile.open(file)) {
                return customerMaster.importRows(caller, rows, locale);
            }
        });
    }

    private interface FileWork<T> {
        T run(Path file) throws IOException;
    }

    /** Runs {@code work} on the upload stored in a temporary file (at most {@link #MAX_MEGABYTES}), removed after. */
    private static <T> T spooled(InputStream upload, String suffix, FileWork<T> work) {
        Path file = null;
        try {
            file = Files.createTempFile("portal-import-", suffix);
            spool(upload, file);
            return work.run(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be stored for its import", e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the temporary folder's own clean-up takes it
            }
        }
    }

    private static void spool(InputStream upload, Path file) throws IOException {
        long limit = MAX_MEGABYTES * 1024L * 1024L;
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = upload.read(buffer)) != -1; ) {
                written += read;
                if (written > limit) {
                    throw invalid("fileTooLarge", MAX_MEGABYTES);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static InvalidInputException invalid(String messageKey, Object argument) {
        return new InvalidInputException(List.of(new FieldError("file", messageKey, argument)));
    }
}
