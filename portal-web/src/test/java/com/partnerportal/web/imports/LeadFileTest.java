package com.partnerportal.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.intake.ImportColumn;
import com.partnerportal.intake.ImportRow;
import com.partnerportal.platform.InvalidInputException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadFileTest {

    @TempDir
    Path dir;

    private List<ImportRow> rows(Path file, LeadFile.Format format) throws Exception {
        List<ImportRow> rows = new ArrayList<>();
        try (LeadFile lead = LeadFile.open(file, format)) {
            lead.forEachRemaining(rows::add);
        }
        return rows;
    }

    private Path csv(byte[] bytes) throws Exception {
        Path file = dir.resolve("leads.csv");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aGermanExcelCsvKeepsTheLineEachRowStartsOn() throws Exception {
        String text = "\uFEFFSource;COMPANYNAME;buyingSignals\r\nweb;Alpha GmbH;\"two\r\nlines\"\r\n\r\nweb;Beta AG;\"a \"\"quote\"\"; and a semicolon\"\r\nweb;Gamma KG;=1+1";
        List<ImportRow> rows = rows(csv(text.getBytes(StandardCharsets.UTF_8)), LeadFile.Format.CSV);
        assertEquals(List.of(2L, 4L, 5L, 6L), rows.stream().map(ImportRow::line).toList());
        assertEquals("web", rows.get(0).value(ImportColumn.SOURCE), "the byte order mark is not part of the first column");
        assertEquals("two\r\nlines", rows.get(0).value(ImportColumn.BUYING_SIGNALS));
        assertEquals("a \"quote\"; and a semicolon", rows.get(2).value(ImportColumn.BUYING_SIGNALS));
        assertEquals("=1+1", rows.get(3).value(ImportColumn.BUYING_SIGNALS), "read as text");
        assertEquals(4, LeadFile.count(csv(text.getBytes(StandardCharsets.UTF_8)), LeadFile.Format.CSV));
    }

    @Test
    void commasWorkToo() throws Exception {
        List<ImportRow> rows = rows(csv("companyName,score\n\"Delta, Inc.\",80\n".getBytes(StandardCharsets.UTF_8)),
                LeadFile.Format.CSV);
        assertEquals("Delta, Inc.", rows.get(0).value(ImportColumn.COMPANY_NAME));
        assertEquals("80", rows.get(0).value(ImportColumn.SCORE));
    }

    @Test
    void aHeaderItCannotReadIsRefusedNamingTheColumn() throws Exception {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> rows(csv("companyName;colour\nx;y\n".getBytes(StandardCharsets.UTF_8)), LeadFile.Format.CSV));
        assertEquals("unknownColumn", unknown.errors().get(0).messageKey());
        assertTrue(unknown.errors().get(0).arguments().contains("colour"));
        assertEquals("repeatedColumn", assertThrows(InvalidInputException.class,
                () -> rows(csv("email;EMAIL\nx;y\n".getBytes(StandardCharsets.UTF_8)), LeadFile.Format.CSV))
                .errors().get(0).messageKey());
        assertEquals("emptyFile", assertThrows(InvalidInputException.class,
                () -> rows(csv(new byte[0]), LeadFile.Format.CSV)).errors().get(0).messageKey());
        assertEquals("notUtf8", assertThrows(InvalidInputException.class,
                () -> rows(csv("companyName\nMüller GmbH\n".getBytes(Charset.forName("windows-1252"))), LeadFile.Format.CSV))
                .errors().get(0).messageKey());
        assertEquals("notXlsx", assertThrows(InvalidInputException.class,
                () -> rows(csv("not a workbook".getBytes(StandardCharsets.UTF_8)), LeadFile.Format.XLSX))
                .errors().get(0).messageKey());
    }

    @Test
    void anXlsxGivesNumbersAsWrittenAndFormulasAsTheirText() throws Exception {
        Path file = dir.resolve("leads.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Leads");
            sheet.value(0, 0, "companyName");
            sheet.value(0, 1, "score");
            sheet.value(0, 2, "estimatedRevenue");
            sheet.value(0, 3, "buyingSignals");
            sheet.value(1, 0, "Epsilon GmbH");
            sheet.value(1, 1, 75);
            sheet.value(1, 2, 12500.5);
            sheet.formula(1, 3, "SUM(1,2)");
            sheet.value(3, 0, "Zeta GmbH");
        }
        List<ImportRow> rows = rows(file, LeadFile.Format.XLSX);
        assertEquals("Epsilon GmbH", rows.get(0).value(ImportColumn.COMPANY_NAME));
        assertEquals(2L, rows.get(0).line());
        assertEquals("75", rows.get(0).value(ImportColumn.SCORE));
        assertEquals("12500.5", rows.get(0).value(ImportColumn.ESTIMATED_REVENUE));
        assertEquals("=SUM(1,2)", rows.get(0).value(ImportColumn.BUYING_SIGNALS));
        assertEquals(4L, rows.get(rows.size() - 1).line(), "the line as the spreadsheet numbers it");
    }
}
