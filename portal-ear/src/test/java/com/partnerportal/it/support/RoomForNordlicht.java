package com.partnerportal.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that claim many leads for the Gold demo partner: room first, whatever earlier
 * runs left open, and its own capacity back afterwards.
 */
public class RoomForNordlicht implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RoomForNordlicht.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("capacity", Capacity.roomForNordlicht());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Capacity.set("nordlicht", context.getStore(NAMESPACE).get("capacity", Integer.class));
    }
}
