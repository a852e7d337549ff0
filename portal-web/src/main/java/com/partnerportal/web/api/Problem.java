package com.partnerportal.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem body. {@code code} carries a machine-readable reason where the contract names
 * one; {@code errors} lists each rejected field.
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldProblem> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record FieldProblem(String field, String message) {
    }

    public static Response response(Response.Status status, String detail) {
        return response(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
