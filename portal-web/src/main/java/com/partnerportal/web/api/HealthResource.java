package com.partnerportal.web.api;

import com.partnerportal.platform.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Open to everyone: UP once the schema is migrated and the database answers. */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    private DatabaseMigration migration;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource dataSource;

    @GET
    public Response health() {
        boolean database = databaseAnswers();
        boolean up = database && migration.isDone();
        Map<String, Object> body = Map.of("status", up ? "UP" : "DOWN",
                "database", database ? "UP" : "DOWN",
                "migrations", migration.isDone() ? "DONE" : "PENDING");
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
