package org.mirabella.http;

import io.javalin.http.Context;
import java.util.Map;
import org.mirabella.model.InvalidData;

/** Reading query parameters the same way on every route: bad values are a 400 naming the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** A whole number from {@code min} to {@code max}; {@code dflt} when absent. */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return dflt;
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
      throw new InvalidData("Invalid request", Map.of(name, "'" + shown + "' is not a whole number from " + min + " to " + max));
    }
  }
}
