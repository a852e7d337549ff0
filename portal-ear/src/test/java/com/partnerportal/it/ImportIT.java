package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.IntakeChecks;
import com.partnerportal.it.support.PortalDeployment;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * The lead import as a channel manager uses it: a CSV as German Excel saves it, an XLSX, the row report
 * with its line numbers, a file delivered twice, formulas kept as text, and files it refuses.
 */
class ImportIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Api.Reply upload(String contentType, byte[] file) {
        return manager.send("POST", "/leads/import", contentType, file, Map.of());
    }

    private static JsonObject lead(String company) {
        var items = manager.get("/leads?q=" + java.net.URLEncoder.encode(company, StandardCharsets.UTF_8)).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), company + ": " + items);
        return manager.get("/leads/" + items.get(0).getJsonNumber("id").longValue()).json();
    }

    @Test
    void aCsvAsGermanExcelSavesItBecomesLeadsRowByRowWithTheLinesOfWhatWasRejected() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFF" + """
                SOURCE;externalId;companyName;sizeClass;industry;country;region;firstName;lastName;email;phone;product;estimatedRevenue;currency;score;buyingSignals;handoverReason;prospectAsked;promised;nextStep
                fair-%1$s;A1;Alpha %1$s GmbH;MEDIUM;Manufacturing;DE;DE-HH;Anna;Alt;anna@alpha.example.com;+49 40 111111;SWITCH-CAMPUS;12500,50;EUR;80;asked for a quote;budget approved;a demo;a call;book the demo
                fair-%1$s;A2;Beta %1$s GmbH;SMALL;Retail;DE;DE-NW;Bernd;Bau;bernd@beta.example.com;+49 221 22222;WIFI-ENTERPRISE;9000;EUR;70;"stopped at the stand
                twice";needs a partner nearby;an offer;a call;send the offer
                fair-%1$s;A3;Gamma %1$s GmbH;MEDIUM;Logistics;AT;DE-BY;Carla;Cee;carla@gamma.example.com;+43 1 333333;SDWAN;7000;EUR;60;;wants a partner;a survey;a call;call
                fair-%1$s;A4;;MEDIUM;Logistics;DE;DE-HH;Dora;Dee;dora@delta.example.com;+49 40 444444;SDWAN;7000;EUR;abc;;x;y;z;w

                fair-%1$s;A5;Epsilon %1$s GmbH;MEDIUM;Logistics;DE;DE-HH;Emil;Eck;emil@epsilon.example.com;+49 40 555555;SDWAN;5000;EUR;50;"=HYPERLINK(""http://evil.example"";""click"")";a reason;a;b;c
                """.formatted(tag);
        Api.Reply first = upload("text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status(), first::toString);
        JsonObject report = first.json();
        assertEquals(3, report.getInt("created"), report.toString());
        assertEquals(1, report.getInt("quarantined"), "Gamma: a Bavarian region in Austria is held for review: " + report);
        assertEquals(0, report.getInt("duplicates"));
        var rejected = report.getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertEquals(1, rejected.size(), report.toString());
        assertEquals(6, rejected.get(0).getInt("line"), "the header is line 1 and Beta spans lines 3 and 4");
        var fields = rejected.get(0).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("companyName", "score")), "named as the file's columns: " + fields);

        JsonObject alpha = lead("Alpha " + tag + " GmbH");
        assertEquals("QUALIFIED", alpha.getString("state"));
        assertEquals("12500.50", alpha.getJsonObject("estimatedRevenue").getString("amount"), "a decimal comma read as money");
        assertEquals("anna@alpha.example.com", alpha.getJsonObject("contact").getString("email"));
        assertEquals("stopped at the stand\ntwice", lead("Beta " + tag + " GmbH").getString("buyingSignals"));
        assertEquals("QUARANTINE", lead("Gamma " + tag + " GmbH").getString("state"));
        assertEquals("=HYPERLINK(\"http://evil.example\";\"click\")", lead("Epsilon " + tag + " GmbH").getString("buyingSignals"),
                "a formula is kept as the text it is");

        Api.Reply again = upload("text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getInt("created"));
        assertEquals(4, again.json().getInt("duplicates"), "delivered again, stored once: " + again);
        assertEquals(1, manager.get("/leads?q=" + "Alpha%20" + tag).json().getInt("total"));
    }

    @Test
    void twoImportsOfTheSameFileAtTheSameMomentStoreEveryRowOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("source,externalId,companyName,sizeClass,country,region,lastName,email,product\n");
        int rows = 250; // three chunks, the last one short
        for (int i = 1; i <= rows; i++) {
            csv.append("twice-%1$s,T%2$d,Twice %2$d %1$s GmbH,SMALL,DE,DE-HH,Zwei,t%2$d@twice-%1$s.example.com,SDWAN\n"
                    .formatted(tag, i));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Api.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return upload("text/csv", file);
                }));
            }
            start.countDown();
            int created = 0;
            for (var reply : replies) {
                Api.Reply r = reply.get();
                assertEquals(200, r.status(), r::toString);
                JsonObject report = r.json();
                assertEquals(rows, report.getInt("created") + report.getInt("duplicates"), "every row counted once: " + report);
                assertEquals(0, report.getJsonArray("rejected").size(), report.toString());
                created += report.getInt("created");
            }
            assertEquals(rows, created, "each row created by one of the two imports");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(rows, manager.get("/leads?size=1&q=" + tag).json().getInt("total"), "stored once each");
    }

    @Test
    void aRowThatRepeatsOneOfTheChunkBeforeItFindsItThoughTheChunksAreDeliveredAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("source,externalId,companyName,sizeClass,country,region,lastName,email,product\n");
        int rows = 300; // three chunks of 100, delivered two at a time
        for (int i = 1; i <= rows; i++) {
            String email = "r%d@repeat-%s.example.com".formatted(i, tag);
            String externalId = "R" + i;
            if (i == 150) {
                email = "r20@repeat-%s.example.com".formatted(tag); // the person of row 20 again, from another system
            }
            if (i == 260) {
                externalId = "R170"; // row 170 delivered again
            }
            csv.append("repeat-%1$s,%2$s,Repeat %3$d %1$s GmbH,SMALL,DE,DE-HH,Wieder,%4$s,SDWAN\n".formatted(tag, externalId, i, email));
        }
        IntakeChecks.set(true); // the duplicate check, off for the other tests' made-up prospect
        Api.Reply reply;
        try {
            reply = upload("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            IntakeChecks.set(false);
        }
        assertEquals(200, reply.status(), reply::toString);
        JsonObject report = reply.json();
        assertEquals(1, report.getInt("quarantined"), "row 150 is probably the person of row 20: " + report);
        assertEquals(1, report.getInt("updated") + report.getInt("duplicates"), "row 260 delivers row 170 again: " + report);
        assertEquals(rows - 2, report.getInt("created"), report.toString());
        JsonObject repeated = lead("Repeat 150 " + tag + " GmbH");
        assertEquals("QUARANTINE", repeated.getString("state"));
        assertEquals("PROBABLE_DUPLICATE", repeated.getJsonArray("reviewReasons").getJsonObject(0).getString("code"), repeated.toString());
        assertEquals(rows - 1, manager.get("/leads?size=1&q=" + tag).json().getInt("total"), "row 170 stored once");
    }

    @Test
    void anXlsxFirstSheetIsReadAsTheSameColumnsWithNumbersAsWrittenAndFormulasAsText() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Leads");
            String[] header = {"source", "externalId", "companyName", "sizeClass", "country", "region", "firstName", "lastName",
                "email", "phone", "product", "estimatedRevenue", "score", "buyingSignals", "handoverReason", "prospectAsked",
                "promised", "nextStep"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[] row = {"xlsx-" + tag, "X1", "Zeta " + tag + " GmbH", "MEDIUM", "DE", "DE-HH", "Zoe", "Zett",
                "zoe@zeta.example.com", "+49 40 777777", "SWITCH-CAMPUS", 15000, 75, null, "a reason", "a demo", "a call", "call"};
            for (int c = 0; c < row.length; c++) {
                if (row[c] instanceof Number n) {
                    sheet.value(1, c, n);
                } else if (row[c] != null) {
                    sheet.value(1, c, (String) row[c]);
                }
            }
            sheet.formula(1, 13, "1+1");
        }
        Api.Reply reply = upload(XLSX, out.toByteArray());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, reply.json().getInt("created"), reply.toString());
        JsonObject zeta = lead("Zeta " + tag + " GmbH");
        assertEquals("15000", zeta.getJsonObject("estimatedRevenue").getString("amount").replaceFirst("\\.00$", ""));
        assertEquals(75, zeta.getInt("score"));
        assertEquals("=1+1", zeta.getString("buyingSignals"), "never evaluated");

    }

    @Test
    void aFileTheImportCannotReadIsRefusedWholeWithTheReason() {
        Api.Reply unknown = upload("text/csv", "source,externalId,companyNme\nx,1,y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.toString().contains("companyNme") && unknown.toString().contains("\"file\""), unknown::toString);

        Api.Reply windows = upload("text/csv", "source;companyName\nx;Müller GmbH\n".getBytes(Charset.forName("windows-1252")));
        assertEquals(400, windows.status(), windows::toString);
        assertTrue(windows.toString().contains("UTF-8"), windows::toString);

        assertEquals(400, upload("text/csv", new byte[0]).status());
        assertEquals(400, upload(XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)).status());

        StringBuilder many = new StringBuilder("source,externalId\n");
        for (int i = 0; i <= 100_000; i++) {
            many.append("s,").append(i).append('\n');
        }
        Api.Reply tooMany = upload("text/csv", many.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertTrue(tooMany.toString().contains("100000") || tooMany.toString().contains("100,000"), tooMany::toString);

        assertEquals(403, Api.as("north.rep").send("POST", "/leads/import", "text/csv",
                "source\nx\n".getBytes(StandardCharsets.UTF_8), Map.of()).status());
    }

    @Test
    void anImportPreferredAsyncAnswers202AndItsProgressCanBeWatchedToTheSameReport() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("source,externalId,companyName,sizeClass,country,region,firstName,lastName,email,phone,"
                + "product,handoverReason,prospectAsked,promised,nextStep\n");
        int rows = 1_200; // more than two reports of progress
        for (int i = 1; i <= rows; i++) {
            String company = i == 700 || i == 1_100 ? "" : "Async " + i + " " + tag + " GmbH"; // two rows without a company
            csv.append("async-%s,%d,%s,MEDIUM,DE,DE-HH,Ada,Row%d,ada%d@async-%s.example.com,+49 40 %06d,SWITCH-CAMPUS,a reason,a demo,a call,call\n"
                    .formatted(tag, i, company, i, i, tag, 100_000 + i));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Api.Reply started = manager.send("POST", "/leads/import", "text/csv", file, Map.of("Prefer", "respond-async"));
        assertEquals(202, started.status(), started::toString);
        String location = started.header("Location");
        assertTrue(location != null && location.matches(".*/api/imports/[0-9]+"), "Location: " + location);
        assertEquals(rows, started.json().getInt("rowsTotal"), "counted before the answer: " + started);
        String path = location.substring(location.indexOf("/api/") + 4);

        JsonObject job = manager.get(path).json();
        long seen = 0;
        for (long end = System.currentTimeMillis() + 180_000; "RUNNING".equals(job.getString("state"))
                && System.currentTimeMillis() < end; job = manager.get(path).json()) {
            long done = job.getJsonNumber("rowsDone").longValue();
            assertTrue(done >= seen && done <= rows, "progress only grows, up to the rows of the file: " + seen + " then " + job);
            seen = done;
            Thread.sleep(200);
        }
        assertEquals("DONE", job.getString("state"), job::toString);
        assertEquals(rows, job.getInt("rowsDone"));
        assertEquals(rows - 2, job.getInt("created") + job.getInt("quarantined"), job::toString);
        var rejected = job.getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertEquals(List.of(701, 1_101), rejected.stream().map(r -> r.getInt("line")).toList(), "the header is line 1");
        assertEquals("companyName", rejected.get(0).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(rows - 2, manager.get("/leads?q=" + tag).json().getInt("total"), "every row taken once");

        assertEquals(403, Api.as("north.rep").get(path).status(), "a partner does not watch the manufacturer's imports");
        assertEquals(404, manager.get("/imports/99999999").status());

        // the same file again, as after a stop of the server: every row there once
        Api.Reply again = manager.send("POST", "/leads/import", "text/csv", file, Map.of("Prefer", "respond-async"));
        assertEquals(202, again.status(), again::toString);
        String againPath = again.header("Location").substring(again.header("Location").indexOf("/api/") + 4);
        JsonObject second = manager.get(againPath).json();
        for (long end = System.currentTimeMillis() + 180_000; "RUNNING".equals(second.getString("state"))
                && System.currentTimeMillis() < end; second = manager.get(againPath).json()) {
            Thread.sleep(200);
        }
        assertEquals(rows - 2, second.getInt("duplicates"), second::toString);
        assertEquals(0, second.getInt("created"));
        assertEquals(rows - 2, manager.get("/leads?q=" + tag).json().getInt("total"));

        Api.Reply unreadable = manager.send("POST", "/leads/import", "text/csv", "nonsense;header\n1;2\n".getBytes(StandardCharsets.UTF_8),
                Map.of("Prefer", "respond-async"));
        assertEquals(400, unreadable.status(), "a file it cannot read is refused at once, not in the background: " + unreadable);
    }
}
