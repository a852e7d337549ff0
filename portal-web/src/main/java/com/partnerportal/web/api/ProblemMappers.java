package com.partnerportal.web.api;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import com.partnerportal.platform.PreconditionFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every refusal of the API leaves as {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(InvalidInputException e) {
            Locale locale = language(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            var errors = e.errors().stream()
                    .map(error -> new Problem.FieldProblem(error.field(), error.message(locale)))
                    .toList();
            String fields = String.join(", ", errors.stream().map(Problem.FieldProblem::field).toList());
            return Problem.response(new Problem("about:blank", "Invalid input", 400,
                    "These fields are not valid: " + fields, "VALIDATION", errors));
        }
    }

    /**
     * German where the caller prefers it to English, else English; a header that cannot be read
     * counts as none, so that the answer stays a problem body.
     */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.GERMAN, Locale.ENGLISH));
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    @Provider
    public static class BodyTooLarge implements ExceptionMapper<JsonBody.BodyTooLargeException> {
        @Override
        public Response toResponse(JsonBody.BodyTooLargeException e) {
            return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            return Problem.response(new Problem("about:blank", "Forbidden", 403, e.getMessage(), e.code(), null));
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.response(new Problem("about:blank", "Conflict", 409, e.getMessage(), e.code(), null));
        }
    }

    @Provider
    public static class PreconditionFailed implements ExceptionMapper<PreconditionFailedException> {
        @Override
        public Response toResponse(PreconditionFailedException e) {
            return Problem.response(new Problem("about:blank", "Precondition Failed", 412, e.getMessage(), "STALE", null));
        }
    }

    /** Keycloak's admin API did not answer: try again shortly. */
    @Provider
    public static class Unavailable implements ExceptionMapper<com.partnerportal.platform.UnavailableException> {
        private static final Logger LOG = Logger.getLogger(Unavailable.class.getName());

        @Override
        public Response toResponse(com.partnerportal.platform.UnavailableException e) {
            LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            return Response.fromResponse(Problem.response(new Problem("about:blank", "Service Unavailable", 503,
                    "The login server does not answer; try again in a minute", "UNAVAILABLE", null)))
                    .header("Retry-After", "60").build();
        }
    }

    /** JAX-RS's own refusals (unknown path, wrong method, missing role) keep their status. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            return Problem.response(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                    status.getStatusCode() == 403 ? "Your role may not do this" : status.getReasonPhrase(), null, null));
        }
    }

    /**
     * A body that is not readable JSON, a change that lost a race with another one, or anything
     * unexpected: logged here, never shown with its stack to the caller.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonbException) {
                    return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this endpoint");
                }
                if (cause instanceof OptimisticLockException) {
                    return Problem.response(Response.Status.CONFLICT,
                            "Someone else changed this at the same moment; load it again and repeat your change");
                }
            }
            if (DatabaseAway.causes(e)) {
                LOG.warning(() -> "The database cannot be reached: " + e);
                return Response.fromResponse(Problem.response(new Problem("about:blank", "Service Unavailable", 503,
                                "The database cannot be reached at the moment; try again shortly", "UNAVAILABLE", null)))
                        .header("Retry-After", Integer.toString(DatabaseAway.RETRY_AFTER_SECONDS)).build();
            }
            LOG.log(Level.SEVERE, "Unexpected error in the API", e);
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged");
        }
    }
}
