package com.partnerportal.platform;

import java.util.Locale;

/**
 * Reads a setting from a system property ({@code portal.demo-data}) or, failing that, from the
 * environment ({@code PORTAL_DEMO_DATA}), so that servers are configured by env as the README says.
 */
public final class Settings {

    private Settings() {
    }

    public static String value(String name, String defaultValue) {
        String property = System.getProperty(name);
        if (property != null) {
            return property;
        }
        String env = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return env != null ? env : defaultValue;
    }
}
