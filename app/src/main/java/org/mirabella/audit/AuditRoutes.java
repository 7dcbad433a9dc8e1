package org.mirabella.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.access.Role;
import org.mirabella.access.Viewer;
import org.mirabella.access.Viewers;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.model.InvalidData;

/**
 * {@code GET /api/audit?user=&agency=&entity=&from=&to=&limit=}: the DPO's view of the trail. A DPO
 * sees what their agency's users did and what was done with their agency's data; nothing else. The
 * query itself is audited.
 */
public final class AuditRoutes implements Routes {
  private final JdbcAuditLog audit;

  public AuditRoutes(JdbcAuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void register(Api api) {
    api.get("/api/audit", this::query);
  }

  private void query(Context ctx) {
    Viewer v = Viewers.requireRole(ctx, Role.DPO);
    // 1 to 10,000 as documented: a limit out of range is refused, as on every paged route, not quietly changed.
    int limit = org.mirabella.http.QueryParams.intParam(ctx, "limit", 200, 1, 10_000);
    JdbcAuditLog.Query q = new JdbcAuditLog.Query(blank(ctx.queryParam("user")), blank(ctx.queryParam("agency")),
        blank(ctx.queryParam("entity")), time(ctx, "from", false), time(ctx, "to", true), v.agency(), limit);
    var records = audit.query(q);
    audit.record(new AuditEvent(v.user(), v.agency(), "audit.query", null, v.agency(), Viewers.justification(ctx),
        "user=" + q.user() + " agency=" + q.agency() + " entity=" + q.object() + " from=" + q.from() + " to=" + q.to()
            + "; " + records.size() + " records"));
    ctx.json(records.stream().map(AuditRoutes::json).toList());
  }

  static Map<String, Object> json(AuditRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", r.seq());
    m.put("at", r.at().toString());
    m.put("user", r.event().user());
    m.put("agency", r.event().agency());
    m.put("action", r.event().action());
    m.put("object", r.event().object());
    m.put("objectAgency", r.event().objectAgency());
    m.put("justification", r.event().justification());
    m.put("detail", r.event().detail());
    m.put("hash", r.hash());
    return m;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An instant, or a date (the start of that day UTC; for {@code to}, the start of the next day). */
  static Instant time(Context ctx, String name, boolean end) {
    String raw = blank(ctx.queryParam(name));
    return raw == null ? null : parseTime(raw, name, end);
  }

  public static Instant parseTime(String raw, String name, boolean end) {
    try {
      if (raw.length() == 10) {
        LocalDate d = LocalDate.parse(raw);
        return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new InvalidData("Invalid request", Map.of(name, "'" + raw + "' is not a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)"));
    }
  }
}
