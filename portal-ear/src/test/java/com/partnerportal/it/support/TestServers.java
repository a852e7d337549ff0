package com.partnerportal.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts what the integration tests need before the first test class, so before Arquillian
 * starts WildFly: the PostgreSQL database (with {@code -Ppostgres}), GreenMail (SMTP 3025, IMAP 3143)
 * and Keycloak from the distribution the build unpacked. A Keycloak or mail server already running
 * (the demo run) is reused.
 */
public class TestServers implements LauncherSessionListener {

    public static final String KEYCLOAK = "http://localhost:8180";
    public static final String REALM = KEYCLOAK + "/realms/partner-portal";

    private Process keycloak;
    private GreenMail mail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String keycloakHome = System.getProperty("keycloak.home");
        if (keycloakHome == null) {
            return; // not the integration-test run
        }
        if ("postgres".equals(System.getProperty("portal.db"))) {
            createPostgresDatabase();
        } else {
            deleteTestH2Database(Path.of(System.getProperty("wildfly.home"), "standalone/data/portal"));
        }
        if (portFree(ServerSetupTest.SMTP.getPort())) {
            mail = new GreenMail(ServerSetupTest.SMTP_IMAP)
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            mail.start();
        }
        if (!answers(REALM)) {
            keycloak = startKeycloak(Path.of(keycloakHome));
        }
    }

    private static boolean portFree(int port) {
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            try {
                keycloak.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static Process startKeycloak(Path home) {
        try {
            Path log = home.getParent().resolve("logs/keycloak-it.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder keycloak = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-port=8180", "--import-realm"));
            // the same master admin as the demo run (config/run.sh), which shares this Keycloak's data:
            // Keycloak creates it on the first start only, whichever of the two that is
            keycloak.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            keycloak.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD",
                    System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin"));
            Process process = keycloak
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!answers(REALM)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Keycloak did not start; see " + log);
                }
                Thread.sleep(500);
            }
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Keycloak from " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tests' H2 database ({@code portal-it}, see arquillian.xml) starts empty on every run. */
    private static void deleteTestH2Database(Path dir) {
        try (var files = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("portal-it.")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reset the test database in " + dir, e);
        }
    }

    /** The database of {@code PORTAL_DB_URL} (default {@code portal}), created if it is missing. */
    private static void createPostgresDatabase() {
        String url = env("PORTAL_DB_URL", "jdbc:postgresql://localhost:5432/portal");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(maintenance, env("PORTAL_DB_USER", "postgres"),
                env("PORTAL_DB_PASSWORD", "postgres"));
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL database " + database + " at " + maintenance, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static boolean answers(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
