package com.partnerportal.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A list to export: a header and rows of cells (text, or an amount as a number). Any text that a
 * spreadsheet would read as a formula or a command ({@code =}, {@code +}, {@code -}, {@code @}, tab,
 * carriage return first) is written with a leading apostrophe, so it shows as text and never runs.
 */
public record Table(String name, List<String> header, List<List<Object>> rows) {

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** A text cell as it is safe to write: neutralised when a spreadsheet would run it. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    public void write(Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            writeCsv(out);
        } else {
            writeXlsx(out);
        }
    }

    /** UTF-8 with a byte order mark, so that Excel reads the umlauts; amounts with a decimal point. */
    private void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(cell -> cell instanceof BigDecimal amount ? amount.toPlainString()
                        : cell == null ? "" : neutralised(cell.toString())).toList());
            }
        }
    }

    private void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Partner Portal", "1.0");
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof BigDecimal amount) {
                    sheet.value(r + 1, c, amount);
                } else if (cell != null) {
                    sheet.value(r + 1, c, neutralised(cell.toString()));
                }
            }
        }
        workbook.finish();
    }
}
