package com.partnerportal.web.api;

import static com.partnerportal.platform.JsonSupport.JSON;

import com.partnerportal.platform.CleanText;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.MultiLine;
import com.partnerportal.platform.Patch;
import com.partnerportal.platform.Validation;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API's one door for JSON bodies. Every request record passes here before it is bound: each
 * value must have the JSON type of its field (text in quotes, whole numbers without decimals, lists
 * without nulls), no field may be unknown to the record, and every text passes {@link CleanText}.
 * Whatever is wrong is reported at once as a 400 naming each field ({@code company.name},
 * {@code regions[1]}); nothing reaches a use case that a field may not hold.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"}) // merge-patch+json too
public class JsonBody implements MessageBodyReader<Record> {

    /** Larger bodies are refused before they are parsed: no request of the API comes near it. */
    static final int MAX_BYTES = 1 << 20;

    /** Duplicate keys are refused rather than one of them silently winning. */
    private static final JsonReaderFactory READERS =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new BodyTooLargeException(MAX_BYTES);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null; // no body: the resource reports the fields it needs
        }
        JsonValue json;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            // not JSON, a duplicate key, bytes that are not UTF-8 (JsonException), or nesting deeper
            // than the parser's limit, which Parsson reports as a bare RuntimeException
            throw new InvalidInputException(List.of(new FieldError("body", "json")));
        }
        Validation v = new Validation();
        if (Patch.class.equals(type)) {
            return mergePatch(json, argument(genericType, 0), v);
        }
        JsonValue clean = clean(json, type, false, "", v);
        v.throwIfInvalid();
        return type.cast(JsonbResolver.JSONB.fromJson(clean.toString(), type));
    }

    /**
     * A JSON merge patch of the record {@code fields}: checked like any body of that record, and
     * remembering which fields it names, so that a field given as null clears it.
     */
    private static Patch<?> mergePatch(JsonValue json, Type fields, Validation v) {
        Class<?> target = raw(fields);
        if (!target.isRecord() || !(json instanceof JsonObject object)) {
            v.reject("body", "object");
            v.throwIfInvalid();
            throw new IllegalStateException("A merge patch is an object of a record's fields");
        }
        JsonValue clean = clean(object, target, false, "", v);
        v.throwIfInvalid();
        return patchOf(JsonbResolver.JSONB.fromJson(clean.toString(), target), object.keySet());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Patch<?> patchOf(Object values, java.util.Set<String> given) {
        return new Patch((Record) values, given);
    }

    /**
     * {@code value} checked against {@code type}, its texts normalised; errors go to {@code v}. Line
     * breaks pass only in a field marked {@link MultiLine}.
     */
    static JsonValue clean(JsonValue value, Type type, boolean multiLine, String path, Validation v) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return value;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            if (!(value instanceof JsonString text)) {
                v.reject(field(path), "text");
                return JsonValue.NULL;
            }
            String problem = CleanText.problem(text.getString(), multiLine);
            if (problem != null) {
                v.reject(field(path), problem);
                return JsonValue.NULL;
            }
            return JSON.createValue(CleanText.normalize(text.getString()));
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            if (!(value instanceof JsonNumber number) || !whole(number, raw == Integer.class || raw == int.class)) {
                v.reject(field(path), "number");
                return JsonValue.NULL;
            }
            return value;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                v.reject(field(path), "boolean");
                return JsonValue.NULL;
            }
            return value;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                v.reject(field(path), "list");
                return JsonValue.NULL;
            }
            Type element = argument(type, 0);
            JsonArrayBuilder cleaned = JSON.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                if (array.isNull(i)) {
                    v.reject(at, "required");
                } else {
                    cleaned.add(clean(array.get(i), element, false, at, v));
                }
            }
            return cleaned.build();
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                v.reject(field(path), "object");
                return JsonValue.NULL;
            }
            Map<String, RecordComponent> fields = raw.isRecord() ? components(raw) : null;
            JsonObjectBuilder cleaned = JSON.createObjectBuilder();
            for (var entry : object.entrySet()) {
                String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                String keyProblem = CleanText.problem(entry.getKey(), false);
                if (keyProblem != null) {
                    v.reject("body", keyProblem);
                    continue;
                }
                RecordComponent field = fields == null ? null : fields.get(entry.getKey());
                if (fields != null && field == null) {
                    v.reject(at, "unknownField");
                } else if (field == null) {
                    cleaned.add(entry.getKey(), clean(entry.getValue(), argument(type, 1), false, at, v));
                } else {
                    cleaned.add(entry.getKey(), clean(entry.getValue(), field.getGenericType(),
                            field.isAnnotationPresent(MultiLine.class), at, v));
                }
            }
            return cleaned.build();
        }
        return value; // other types (none in the API today) are left to the binding
    }

    private static boolean whole(JsonNumber number, boolean asInt) {
        if (!number.isIntegral()) {
            return false;
        }
        try {
            if (asInt) {
                number.intValueExact();
            } else {
                number.longValueExact();
            }
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static Map<String, RecordComponent> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, component -> component));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** A body larger than {@link #MAX_BYTES}: 413. */
    public static class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(int limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }
}
