package com.partnerportal.platform;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's settings, read through MicroProfile Config (the server's SmallRye Config): a system
 * property ({@code portal.demo-data}), else the environment ({@code PORTAL_DEMO_DATA}, MicroProfile's
 * mapping of the name), else any other source the server is given, else the default here. Servers are
 * configured by environment, as the README says.
 */
public final class Settings {

    private Settings() {
    }

    public static String value(String name, String defaultValue) {
        return ConfigProvider.getConfig(Settings.class.getClassLoader()).getOptionalValue(name, String.class).orElse(defaultValue);
    }
}
