package com.partnerportal.kit;

import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * A document for the sales kit as uploaded: its type is read from its bytes (Apache Tika's magic
 * numbers; the name only narrows a container such as a slide deck's ZIP), never taken from the name or
 * the browser, and must be one a rep can open safely: PDF, slides, images. At most {@link #MAX_BYTES}.
 */
public record KitFile(String fileName, byte[] bytes, String contentType) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The types a kit may hold, with the extension its download is named with. */
    static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
            "application/vnd.ms-powerpoint", "ppt",
            "image/png", "png",
            "image/jpeg", "jpg",
            "image/webp", "webp");

    private static final Tika TIKA = new Tika();

    /** Reads what the file is; refuses it with the field {@code file} if it is empty, too large or of another type. */
    public static KitFile of(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("required");
        }
        if (bytes.length > MAX_BYTES) {
            throw invalid("kitFileTooLarge", MAX_BYTES / (1024 * 1024));
        }
        String type;
        try {
            type = TIKA.detect(new ByteArrayInputStream(bytes), fileName == null ? null : fileName.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ALLOWED.containsKey(type)) {
            throw invalid("fileType", "PDF, PPTX, PPT, PNG, JPEG, WebP");
        }
        String name = fileName == null || fileName.isBlank() ? "document." + ALLOWED.get(type)
                : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        return new KitFile(name.length() > 200 ? name.substring(name.length() - 200) : name, bytes, type);
    }

    private static InvalidInputException invalid(String key, Object... arguments) {
        return new InvalidInputException(List.of(new FieldError("file", key, arguments)));
    }
}
