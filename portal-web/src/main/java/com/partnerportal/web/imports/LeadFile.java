package com.partnerportal.web.imports;

import com.partnerportal.intake.ImportColumn;
import com.partnerportal.intake.ImportRow;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A lead import file read as a stream of rows, never held whole: CSV (comma or semicolon as German
 * Excel writes it, UTF-8 with or without byte order mark, quoted fields with line breaks) through
 * Commons CSV, or the first sheet of an XLSX through FastExcel. The header names the columns
 * ({@link ImportColumn}, any case, any order); an unknown or repeated column is refused before any
 * row is read. Each row knows the line it starts on. A formula cell is read as its text, never
 * evaluated.
 */
public final class LeadFile implements Iterator<ImportRow>, AutoCloseable {

    /** The two kinds of file. */
    public enum Format {
        CSV, XLSX;

        public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    /** A record of the file: the line it starts on, its cells as text. */
    record Line(long number, List<String> cells) {
    }

    /** The records of a file, and what to close when done with them. */
    record Records(Iterator<Line> lines, AutoCloseable resource) {
    }

    private final Iterator<Line> records;
    private final AutoCloseable resource;
    private final ImportColumn[] columns;

    private LeadFile(Iterator<Line> records, AutoCloseable resource) {
        this.records = records;
        this.resource = resource;
        if (!records.hasNext()) {
            close();
            throw invalid("emptyFile");
        }
        try {
            this.columns = header(records.next().cells());
        } catch (InvalidInputException e) {
            close();
            throw e;
        }
    }

    /** Opens the file; throws {@link InvalidInputException} (field {@code file}) for a header it cannot read. */
    public static LeadFile open(Path file, Format format) throws IOException {
        return format == Format.CSV ? csv(file) : xlsx(file);
    }

    /** How many rows below the header the file holds, read through once. */
    public static long count(Path file, Format format) throws IOException {
        try (LeadFile rows = open(file, format)) {
            long count = 0;
            while (rows.records.hasNext()) {
                rows.records.next();
                count++;
            }
            return count;
        }
    }

    private static LeadFile csv(Path file) throws IOException {
        Records records = csvRecords(file);
        return new LeadFile(records.lines(), records.resource());
    }

    /**
     * The records of a CSV file as spreadsheets write them: UTF-8 with or without BOM (anything else
     * refused), {@code ,} or {@code ;} as the header uses more of, quoted cells with line breaks.
     */
    static Records csvRecords(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(64 * 1024);
            String header = reader.readLine();
            reader.reset();
            char delimiter = header != null && header.chars().filter(c -> c == ';').count()
                    > header.chars().filter(c -> c == ',').count() ? ';' : ',';
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .setTrim(false).get().parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<Line> lines = new Iterator<>() {
                private Line pending;

                @Override
                public boolean hasNext() {
                    if (pending == null) {
                        long before = parser.getCurrentLineNumber(); // line breaks read so far: the record starts on the next line
                        if (!records.hasNext()) {
                            return false;
                        }
                        pending = new Line(before + 1, records.next().toList());
                    }
                    return true;
                }

                @Override
                public Line next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Line line = pending;
                    pending = null;
                    return line;
                }
            };
            return new Records(wrapped(lines), parser);
        } catch (CharacterCodingException e) {
            reader.close();
            throw invalid("notUtf8");
        } catch (RuntimeException | IOException e) {
            reader.close();
            throw e;
        }
    }

    private static LeadFile xlsx(Path file) throws IOException {
        ReadableWorkbook workbook = null;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            if (workbook != null) {
                workbook.close();
            }
            throw invalid("notXlsx");
        }
        ReadableWorkbook opened = workbook;
        Iterator<Row> rows = stream.iterator();
        Iterator<Line> lines = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Line next() {
                Row row = rows.next();
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    String text = text(row.getCell(c));
                    cells.add(text == null ? "" : text);
                }
                return new Line(row.getRowNum(), cells);
            }
        };
        return new LeadFile(wrapped(lines), () -> {
            stream.close();
            opened.close();
        });
    }

    /** A cell as text: a number as written, a formula as its text (with its {@code =}), never its result. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case FORMULA -> "=" + cell.getFormula();
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            default -> cell.getText();
        };
    }

    /** Reading errors of the libraries as an unreadable file, said against the field {@code file}. */
    private static Iterator<Line> wrapped(Iterator<Line> lines) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reading(lines::hasNext);
            }

            @Override
            public Line next() {
                return reading(lines::next);
            }
        };
    }

    /** A read of the file; what Commons CSV or FastExcel throw for a broken file becomes the file's field error. */
    private static <T> T reading(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(e.getCause() instanceof CharacterCodingException ? "notUtf8" : "unreadableFile");
        }
    }

    private static ImportColumn[] header(List<String> names) {
        ImportColumn[] columns = new ImportColumn[names.size()];
        List<FieldError> errors = new java.util.ArrayList<>();
        java.util.Set<ImportColumn> seen = java.util.EnumSet.noneOf(ImportColumn.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (name.isEmpty()) {
                continue; // a spreadsheet's empty column
            }
            ImportColumn column = ImportColumn.named(name).orElse(null);
            if (column == null) {
                errors.add(new FieldError("file", "unknownColumn", name));
            } else if (!seen.add(column)) {
                errors.add(new FieldError("file", "repeatedColumn", column.header));
            } else {
                columns[i] = column;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return columns;
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public ImportRow next() {
        Line line = records.next();
        Map<ImportColumn, String> byColumn = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < line.cells().size() && i < columns.length; i++) {
            if (columns[i] != null) {
                byColumn.put(columns[i], line.cells().get(i));
            }
        }
        return new ImportRow(line.number(), byColumn);
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // a file read to its end or abandoned: nothing left to keep
        }
    }

    static InvalidInputException invalid(String messageKey) {
        return new InvalidInputException(List.of(new FieldError("file", messageKey)));
    }
}
