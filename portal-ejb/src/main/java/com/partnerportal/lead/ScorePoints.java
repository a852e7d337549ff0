package com.partnerportal.lead;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One part of a lead's score and why: the points a buying signal, its size class or its product
 * earned by the score rules, or the score its source delivered. Stored as
 * {@code ATTRIBUTE:code:points} joined by {@code |}.
 */
public record ScorePoints(Attribute attribute, String code, int points) {

    /** What earns points: a signal, the company's size class, the product; or the source's own score. */
    public enum Attribute { SIGNAL, SIZE_CLASS, PRODUCT, DELIVERED }

    public static String encode(List<ScorePoints> parts) {
        return parts.isEmpty() ? null : parts.stream()
                .map(p -> p.attribute.name() + ":" + p.code + ":" + p.points).collect(Collectors.joining("|"));
    }

    public static List<ScorePoints> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split("\\|")).map(part -> part.split(":", 3))
                .map(p -> new ScorePoints(Attribute.valueOf(p[0]), p[1], Integer.parseInt(p[2]))).toList();
    }
}
