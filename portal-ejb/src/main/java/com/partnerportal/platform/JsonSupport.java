package com.partnerportal.platform;

import jakarta.json.spi.JsonProvider;

/** JSON-P for the whole portal. */
public final class JsonSupport {

    /**
     * The provider, found once: {@code jakarta.json.Json}'s static methods look it up again on every
     * call (a scan of the class path), which cost a sixth of the server's time under load.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
