package com.partnerportal.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in German and in English. */
class MessagesTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("en").stringPropertyNames()), new TreeSet<>(bundle("de").stringPropertyNames()));
    }

    @Test
    void everyFixedKeyThePagesUseExists() throws IOException {
        Set<String> keys = bundle("en").stringPropertyNames();
        Pattern used = Pattern.compile("msg\\['([a-zA-Z.]+)']");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = used.matcher(Files.readString(page));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }
}
