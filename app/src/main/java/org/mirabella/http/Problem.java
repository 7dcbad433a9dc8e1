package org.mirabella.http;

import java.util.Map;

/**
 * The one JSON shape of every error the API returns (RFC 9457 problem details):
 * {@code {"type", "title", "status", "detail", "errors": {field: message}}}.
 */
public record Problem(String type, String title, int status, String detail, Map<String, String> errors) {
  public static Problem of(int status, String title, String detail, Map<String, String> errors) {
    return new Problem("https://mirabella.invalid/problems/" + slug(title), title, status, detail,
        errors == null ? Map.of() : errors);
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
