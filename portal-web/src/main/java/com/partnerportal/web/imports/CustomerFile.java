package com.partnerportal.web.imports;

import com.partnerportal.intake.CustomerView;
import com.partnerportal.intake.Customers;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file of the customer master (contract: columns {@code key, name, domain, vatId, country,
 * owner}, any case, any order), read as a lead file is: its rows as accounts, with their lines.
 */
public final class CustomerFile implements Iterator<Customers.Row>, AutoCloseable {

    /** The columns, as the header names them. */
    private static final List<String> COLUMNS = List.of("key", "name", "domain", "vatid", "country", "owner");

    private final LeadFile.Records records;
    private final int[] indexes = new int[COLUMNS.size()];

    private CustomerFile(LeadFile.Records records) {
        this.records = records;
        if (!records.lines().hasNext()) {
            close();
            throw LeadFile.invalid("emptyFile");
        }
        java.util.Arrays.fill(indexes, -1);
        List<String> header = records.lines().next().cells();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            int column = COLUMNS.indexOf(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                continue;
            } else if (column < 0) {
                errors.add(new FieldError("file", "unknownColumn", name));
            } else if (indexes[column] >= 0) {
                errors.add(new FieldError("file", "repeatedColumn", name));
            } else {
                indexes[column] = i;
            }
        }
        if (!errors.isEmpty()) {
            close();
            throw new InvalidInputException(errors);
        }
    }

    public static CustomerFile open(Path file) throws IOException {
        return new CustomerFile(LeadFile.csvRecords(file));
    }

    @Override
    public boolean hasNext() {
        return records.lines().hasNext();
    }

    @Override
    public Customers.Row next() {
        LeadFile.Line line = records.lines().next();
        return new Customers.Row(line.number(), new CustomerView(cell(line, 0), cell(line, 1), cell(line, 2),
                cell(line, 3), cell(line, 4), cell(line, 5)));
    }

    private String cell(LeadFile.Line line, int column) {
        int index = indexes[column];
        return index < 0 || index >= line.cells().size() ? null : line.cells().get(index);
    }

    @Override
    public void close() {
        try {
            records.resource().close();
        } catch (Exception e) {
            // read to its end or abandoned
        }
    }
}
