package com.partnerportal.webhook;

import static com.partnerportal.platform.JsonSupport.JSON;

import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadMoved;
import com.partnerportal.lead.LeadView;
import com.partnerportal.marketplace.LeadOffers;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.Role;
import com.partnerportal.privacy.ProspectErased;
import com.partnerportal.webhook.WebhookEndpoint.Receiver;
import com.partnerportal.webhook.WebhookTakes.Taken;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes the webhook messages of a lead's move, or of its offer to partners, in the transaction that
 * makes it: a move that rolls back sends nothing, one that commits is sent however the server fares
 * afterwards. Each endpoint that chose the event and may hear of the lead gets one message: the
 * manufacturer's endpoints of every lead, a partner's of the leads it holds, held (recalled,
 * withdrawn) or is offered. The lead is as that receiver may see it: its contact only for the partner
 * that holds it (and the manufacturer), never its timeline; a message stays under 20 kB.
 */
@ApplicationScoped
public class Outbox {

    static final int MAX_PAYLOAD = 20_000;

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** What a partner that does not hold the lead does not learn: who the prospect is. */
    private static final Set<String> NOT_FOR_OTHERS = Set.of("contact", "partner", "assignee", "reviewReasons", "reviewNote");

    /**
     * A new message, taken by this node's worker as it is written ({@link WebhookTakes#HOLD}), if its
     * endpoint is there and enabled: the receivers in memory may be a moment behind ({@link WebhookReceivers}).
     * Plain SQL, one round trip for all the endpoints of a move.
     */
    static final NamedSql INSERT = new NamedSql("""
            insert into webhook_message (endpoint_id, message_id, type, lead_id, payload, state, attempts, next_attempt_at,
                                         taken_until, created_at)
            select id, :message, :type, :lead, :payload, 'SENDING', 0, :now, :until, :now
            from webhook_endpoint where id = :endpoint and enabled = true""");

    private static final NamedSql ERASE = new NamedSql("update webhook_message set payload = :payload where id = :id");

    @Inject
    private WebhookReceivers receivers;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private LeadHistory history;

    @Inject
    private Event<MessagesWritten> written;

    @Inject
    private Clock clock;

    /** Messages were written (or set to go again) in the current transaction: the worker may send them once it commits. */
    public record MessagesWritten(List<Due> messages) {
    }

    /**
     * A message to send, and its endpoint; {@code taken}: what to send, if the message was written taken
     * (else the worker takes it from the outbox).
     */
    public record Due(long id, long endpoint, Taken taken) {

        public Due(long id, long endpoint) {
            this(id, endpoint, null);
        }
    }

    void moved(@Observes LeadMoved move) {
        WebhookEvent.of(move.from(), move.to()).ifPresent(event -> write(event, move.leadId(), move.lead(),
                move.partner() == null ? List.of() : List.of(move.partner()), event.takesLeadAway()));
    }

    void offered(@Observes LeadOffers.OffersMade offers) {
        write(WebhookEvent.LEAD_OFFERED, offers.leadId(), null, offers.partners(), true);
    }

    /**
     * One message per endpoint of the manufacturer and of these partners that chose the event, written
     * as taken by this node's worker, which sends it as soon as the move commits: the outbox is not asked
     * again for what is in hand (a take would write every message a second time). If the node dies
     * first, the hold runs out and any worker takes it ({@link WebhookSender#deliverDue}).
     * Its body is the lead as the move left it, which is what the receiver may see when it goes out.
     * {@code known}: the lead as the move left it, if the mover has it (else it is read);
     * {@code withoutContact}: the partners do not (or no longer) hold the lead.
     */
    private void write(WebhookEvent event, long leadId, LeadView known, Collection<String> partners, boolean withoutContact) {
        List<Receiver> endpoints = receivers.of(partners).stream().filter(e -> e.wants(event)).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LeadView lead = known != null ? known : history.view(leadId);
        Map<Seen, String> bodies = new HashMap<>(); // each body written once: the holder's is usually the manufacturer's
        List<Written> messages = new ArrayList<>();
        for (Receiver endpoint : endpoints) {
            Seen seen = Audience.of(lead, endpoint.partnerKey(), withoutContact).sees(lead, endpoint.partnerKey());
            messages.add(new Written(endpoint, "msg_" + UUID.randomUUID().toString().replace("-", ""),
                    bodies.computeIfAbsent(seen, s -> payload(event, now, s))));
        }
        Instant until = now.plus(WebhookTakes.HOLD);
        long[] ids;
        try (Connection connection = database.getConnection()) {
            ids = INSERT.insertEach(connection, messages.stream().map(m -> Map.<String, Object>of("endpoint", m.endpoint().id(),
                    "message", m.messageId(), "type", event.code(), "lead", leadId, "payload", m.body(), "now", now,
                    "until", until)).toList(), "id");
        } catch (SQLException e) {
            throw new PersistenceException("The webhook messages of lead " + leadId + " could not be written", e);
        }
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == NamedSql.NOT_INSERTED) {
                continue; // its endpoint was deleted or disabled a moment ago
            }
            Written message = messages.get(i);
            due.add(new Due(ids[i], message.endpoint().id(), WebhookTakes.taken(ids[i], message.endpoint(), message.messageId(),
                    message.body(), now)));
        }
        if (!due.isEmpty()) {
            written.fire(new MessagesWritten(due));
        }
    }

    /** A message of a move, as written: to which endpoint, under which webhook-id, with which body. */
    private record Written(Receiver endpoint, String messageId, String body) {
    }

    /**
     * Who receives a message, as far as it decides what the receiver learns: the manufacturer, the
     * partner that holds the lead, or another partner. All receivers of one audience see the same.
     */
    private enum Audience {
        MANUFACTURER, HOLDER, OTHER;

        static Audience of(LeadView lead, String partner, boolean withoutContact) {
            return partner == null ? MANUFACTURER : !withoutContact && partner.equals(lead.partner()) ? HOLDER : OTHER;
        }

        /** The lead as this audience sees it in a webhook: never with its timeline, another partner not with the prospect. */
        Seen sees(LeadView lead, String partner) {
            LeadView seen = this == MANUFACTURER ? lead : lead.seenBy(new Caller("webhook", Set.of(Role.RESELLER_REP), partner));
            return new Seen(seen.withoutTimeline(), this != OTHER);
        }
    }

    /** The lead as a receiver sees it, and whether that receiver holds it (then it learns the contact). */
    private record Seen(LeadView lead, boolean holds) {
    }

    /** {@code {"type", "timestamp", "data": {"lead": ...}}}, as JSON-B writes it. */
    public record Envelope(String type, String timestamp, Data data) {
    }

    public record Data(LeadView lead) {
    }

    /** The message's body, with the lead as the receiver may see it. */
    private static String payload(WebhookEvent event, Instant now, Seen seen) {
        String body;
        if (seen.holds()) {
            body = JSONB.toJson(new Envelope(event.code(), now.toString(), new Data(seen.lead())));
        } else {
            JsonObject full = JSON.createReader(new StringReader(JSONB.toJson(seen.lead()))).readObject();
            JsonObjectBuilder lead = JSON.createObjectBuilder();
            full.forEach((key, value) -> {
                if (!NOT_FOR_OTHERS.contains(key)) {
                    lead.add(key, value);
                }
            });
            body = envelope(event, now, lead);
        }
        return body.length() <= MAX_PAYLOAD ? body // else long free texts: the receiver fetches the lead over the API
                : envelope(event, now, JSON.createObjectBuilder().add("id", seen.lead().id()).add("state", seen.lead().state().name()));
    }

    private static String envelope(WebhookEvent event, Instant now, JsonObjectBuilder lead) {
        return JSON.createObjectBuilder().add("type", event.code()).add("timestamp", now.toString())
                .add("data", JSON.createObjectBuilder().add("lead", lead)).build().toString();
    }

    /**
     * The messages of a lead whose prospect was erased, kept for the delivery log and its replay, without
     * the prospect: its contact taken out, the prospect's values in the texts that stay replaced. What is
     * in hand of a worker at this moment may still go out as written.
     */
    void erased(@Observes ProspectErased erased) {
        try (Connection connection = database.getConnection()) {
            List<Map<String, Object>> erasedPayloads = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, payload from webhook_message where lead_id = ?")) {
                select.setLong(1, erased.leadId());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        erasedPayloads.add(Map.of("id", rows.getLong(1), "payload", withoutProspect(rows.getString(2), erased.values())));
                    }
                }
            }
            ERASE.updateEach(connection, erasedPayloads);
        } catch (SQLException e) {
            throw new PersistenceException("The webhook messages of lead " + erased.leadId() + " could not be erased", e);
        }
    }

    /** The payload without the lead's contact, and {@code values} replaced wherever they stand in a text, ignoring case. */
    static String withoutProspect(String payload, List<String> values) {
        JsonObject body = withLead(JSON.createReader(new StringReader(payload)).readObject(), lead -> lead.remove("contact"));
        if (values.isEmpty()) {
            return body.toString();
        }
        Pattern prospect = Pattern.compile(values.stream().map(Pattern::quote).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return replaced(body, prospect).toString();
    }

    private static JsonValue replaced(JsonValue value, Pattern prospect) {
        return switch (value.getValueType()) {
            case STRING -> JSON.createValue(prospect.matcher(((JsonString) value).getString())
                    .replaceAll(Matcher.quoteReplacement(ProspectErased.MARK)));
            case OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                value.asJsonObject().forEach((key, field) -> object.add(key, replaced(field, prospect)));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                value.asJsonArray().forEach(item -> array.add(replaced(item, prospect)));
                yield array.build();
            }
            default -> value;
        };
    }

    /** The payload without the lead's contact: for a partner that no longer holds the lead when it goes out. */
    static String withoutContact(String payload) {
        JsonObject body = JSON.createReader(new StringReader(payload)).readObject();
        return body.getJsonObject("data").getJsonObject("lead").containsKey("contact")
                ? withLead(body, lead -> NOT_FOR_OTHERS.forEach(lead::remove)).toString() : payload;
    }

    /** The message's body with its lead changed by {@code change}. */
    private static JsonObject withLead(JsonObject body, Consumer<JsonObjectBuilder> change) {
        JsonObjectBuilder lead = JSON.createObjectBuilder(body.getJsonObject("data").getJsonObject("lead"));
        change.accept(lead);
        return JSON.createObjectBuilder(body).add("data", JSON.createObjectBuilder().add("lead", lead)).build();
    }
}
