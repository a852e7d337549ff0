package com.partnerportal.web.api;

import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.Validation;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Query and path parameters pass the same text rule as bodies ({@link CleanText}, single line):
 * a control character in {@code ?region=} is a 400 naming {@code region}, never a database error.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class CleanParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        Validation v = new Validation();
        check(request.getUriInfo().getPathParameters(true), v);
        check(request.getUriInfo().getQueryParameters(true), v);
        v.throwIfInvalid();
    }

    private static void check(MultivaluedMap<String, String> parameters, Validation v) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String nameProblem = CleanText.problem(parameter.getKey(), false);
            if (nameProblem != null) {
                v.reject("query", nameProblem);
                continue;
            }
            for (String value : parameter.getValue()) {
                String problem = CleanText.problem(value, false);
                if (problem != null) {
                    v.reject(parameter.getKey(), problem);
                    break;
                }
            }
        }
    }
}
