package org.mirabella.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.mirabella.http.Api;
import org.mirabella.http.NotFound;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;

/** {@code GET /api/reviews} (the agency's review queue) and {@code POST /api/reviews/{id}} (retain or erase). */
public final class ReviewRoutes implements Routes {
  private final Reviews reviews;

  public ReviewRoutes(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void register(Api api) {
    api.get("/api/reviews", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      int within = org.mirabella.http.QueryParams.intParam(ctx, "within", 0, 0, 3650);
      ctx.json(reviews.queue(v, LocalDate.now().plusDays(within)));
    });
    api.post("/api/reviews/{id}", ctx -> {
      Viewer v = Viewers.requireReader(ctx);
      String id = ctx.pathParam("id");
      JsonNode b = Viewers.body(ctx);
      String outcome = Viewers.required(b, "outcome").toLowerCase(Locale.ROOT);
      String reason = Viewers.required(b, "reason");
      switch (outcome) {
        case "retain" -> ctx.json(Map.of("id", id, "nextReview",
            reviews.retain(v, id, reason).orElseThrow(() -> new NotFound("no entity " + id)).toString()));
        case "erase" -> ctx.json(Map.of("id", id, "removed",
            reviews.erase(v, id, reason).orElseThrow(() -> new NotFound("no entity " + id))));
        default -> throw new InvalidData("Bad review", Map.of("outcome", "'" + outcome + "' is not one of retain, erase"));
      }
    });
  }
}
