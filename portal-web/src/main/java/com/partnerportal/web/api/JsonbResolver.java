package com.partnerportal.web.api;

import com.partnerportal.cockpit.Cockpit;
import com.partnerportal.cockpit.CockpitSummary;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * One JSON binding for the whole API. Without it RESTEasy builds a new {@link Jsonb} for every
 * response, and with it the class models of every record it writes: a quarter of a claim's CPU.
 * The cockpit's summary writes its nulls (a filter not set, a time not measured, a cost not shown),
 * as the contract shows it; Yasson does not apply {@code @JsonbNillable} to records' components.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create();

    private static final Jsonb WITH_NULLS = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private static final Set<Class<?>> NULLS_WRITTEN = Set.of(CockpitSummary.class, Cockpit.Check.class);

    @Override
    public Jsonb getContext(Class<?> type) {
        return NULLS_WRITTEN.contains(type) ? WITH_NULLS : JSONB;
    }
}
