package org.mirabella.search;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Viewer;
import org.mirabella.access.Viewers;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.AuditLog;
import org.mirabella.http.Api;
import org.mirabella.http.Routes;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.store.Database;

/**
 * {@code GET /api/search}: full-text and cross-script search over what the viewer may see. The
 * index query carries the viewer's visibility (own agency, shared cases), and
 * every hit is then read through {@link AccessControl}, so captions come only from statements the
 * viewer may read. Searching needs a justification and is audited.
 */
public final class SearchRoutes implements Routes {
  private final Database db;
  private final SearchIndex index;
  private final AccessControl access;
  private final AuditLog audit;

  public SearchRoutes(Database db, SearchIndex index, AccessControl access, AuditLog audit) {
    this.db = db;
    this.index = index;
    this.access = access;
    // Reads are audited in group commits: one commit shared by concurrent searches (AuditGroupCommit).
    this.audit = org.mirabella.reliability.AuditGroupCommit.over(db, audit);
  }

  @Override
  public void register(Api api) {
    api.get("/api/search", this::search);
  }

  private void search(Context ctx) {
    Viewer v = Viewers.requireReader(ctx);
    SearchRequest req = new SearchRequest(ctx.queryParam("q"), set(ctx, "schema"), set(ctx, "agency"), set(ctx, "case"),
        set(ctx, "country"), date(ctx, "from"), date(ctx, "to"), org.mirabella.http.QueryParams.intParam(ctx, "offset", 0, 0, 10_000),
        org.mirabella.http.QueryParams.intParam(ctx, "limit", 20, 1, SearchRequest.MAX_LIMIT));
    for (String s : req.schemata()) Model.get().require(s);
    String justification = Viewers.requireJustification(ctx, "Searching");
    SearchResults raw = index.search(req, visibility(v));
    Map<String, Entity> visible = access.findAll(v, raw.hits().stream().map(SearchResults.Hit::id).toList());
    List<Map<String, Object>> results = new ArrayList<>();
    for (SearchResults.Hit h : raw.hits()) {
      Entity e = visible.get(h.id());
      if (e == null) continue;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", e.id());
      r.put("schema", e.schema().name());
      r.put("caption", e.caption());
      r.put("agency", e.agency());
      r.put("case", e.caseRef());
      r.put("category", e.category().code());
      r.put("handling", e.statements().stream().map(s -> s.provenance().handling().name()).distinct().sorted().toList());
      r.put("grading", e.statements().stream().map(s -> s.provenance().grading().toString()).distinct().sorted().toList());
      r.put("score", h.score());
      results.add(r);
    }
    audit.record(new AuditEvent(v.user(), v.agency(), "search", cut("q=" + req.text() + " schema=" + req.schemata()), null,
        justification, raw.total() + " found"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", raw.total());
    out.put("offset", req.offset());
    out.put("limit", req.limit());
    out.put("results", results);
    out.put("facets", Map.of("schema", raw.schemata(), "agency", raw.agencies()));
    ctx.json(out);
  }

  /**
   * The viewer's visibility in index terms: own agency and cases shared with it, where every
   * current statement is readable. Records known only through a partial release are not searched:
   * the index holds all of a record's values, and matching on a withheld one would reveal it (the
   * released details are read through the hit instead).
   */
  Visibility visibility(Viewer v) {
    if (!v.readsCaseData()) return new Visibility("\u0000none", Set.of(), false);
    return db.jdbi().withHandle(h -> {
      Set<String> shared = new HashSet<>();
      h.createQuery("SELECT agency, case_ref FROM case_share WHERE shared_with = :a").bind("a", v.agency())
          .map((rs, c) -> Visibility.caseKey(rs.getString(1), rs.getString(2))).forEach(shared::add);
      return new Visibility(v.agency(), shared, v.seesForeignVictims());
    });
  }

  private static Set<String> set(Context ctx, String name) {
    Set<String> out = new HashSet<>();
    for (String raw : ctx.queryParams(name)) {
      Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  private static String date(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return null;
    if (!raw.strip().matches("\\d{4}(-\\d{2}(-\\d{2})?)?") || org.mirabella.report.Period.extent(raw.strip()) == null) {
      throw new InvalidData("Bad search", Map.of(name, "a date as yyyy, yyyy-MM or yyyy-MM-dd, not '" + cut(raw) + "'"));
    }
    return raw.strip();
  }


  private static String cut(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}
