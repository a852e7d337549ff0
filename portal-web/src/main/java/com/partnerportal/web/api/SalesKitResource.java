package com.partnerportal.web.api;

import com.partnerportal.kit.KitFile;
import com.partnerportal.kit.KitItem;
import com.partnerportal.kit.SalesKit;
import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.web.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/sales-kit}: the channel manager keeps the kit (a text as JSON, or a document as
 * multipart with the fields and a {@code file}); a document is downloaded by the channel manager or by
 * the partner that holds a lead it applies to ({@code ?lead=}), and every download is recorded.
 */
@ApplicationScoped // one instance: it holds only services and the request-scoped caller
@Path("/sales-kit")
@Produces(MediaType.APPLICATION_JSON)
public class SalesKitResource {

    @Inject
    private SalesKit kit;

    @Inject
    private CurrentUser user;

    @GET
    @RolesAllowed({"channel-manager", "portal-admin"})
    public List<KitItem.View> all() {
        return kit.all(user.caller());
    }

    /** A text: {@code {"title", "product", "campaign", "text"}}; 201 with the item. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("channel-manager")
    public Response addText(SalesKit.Input input) {
        return created(kit.add(user.caller(), input, null));
    }

    /** A document: multipart with the parts {@code title}, {@code product}, {@code campaign} and {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("channel-manager")
    public Response addDocument(List<EntityPart> parts) throws IOException {
        Map<String, String> fields = new HashMap<>();
        KitFile file = null;
        for (EntityPart part : parts) {
            if (part.getName().equals("file")) {
                try (InputStream in = part.getContent()) {
                    byte[] bytes = in.readNBytes(KitFile.MAX_BYTES + 1);
                    file = KitFile.of(part.getFileName().orElse(null), bytes);
                }
            } else if (List.of("title", "product", "campaign").contains(part.getName())) {
                String value = part.getContent(String.class);
                String problem = CleanText.problem(value, false);
                if (problem != null) {
                    throw new InvalidInputException(List.of(new FieldError(part.getName(), problem)));
                }
                fields.put(part.getName(), CleanText.normalize(value));
            } else {
                throw new InvalidInputException(List.of(new FieldError(part.getName(), "unknownField")));
            }
        }
        if (file == null) {
            throw new InvalidInputException(List.of(new FieldError("file", "required")));
        }
        return created(kit.add(user.caller(), new SalesKit.Input(fields.get("title"), fields.get("product"),
                fields.get("campaign"), null), file));
    }

    private static Response created(KitItem.View item) {
        return Response.created(PortalUrl.of("/api/sales-kit/" + item.id())).entity(item).build();
    }

    /** The document, as an attachment of its stored type; {@code lead} names the lead it is for (a partner must). */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"channel-manager", "portal-admin", "reseller-rep", "reseller-admin"})
    public Response content(@PathParam("id") long id, @QueryParam("lead") Long lead) {
        SalesKit.Download download = kit.download(user.caller(), id, lead);
        String ascii = download.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = java.net.URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(download.bytes(), download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .build();
    }
}
