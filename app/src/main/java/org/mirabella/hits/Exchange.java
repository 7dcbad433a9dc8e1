package org.mirabella.hits;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.mirabella.access.AccessControl;
import org.mirabella.access.Decision;
import org.mirabella.access.DisseminationPolicy;
import org.mirabella.access.Markings;
import org.mirabella.access.Viewer;
import org.mirabella.agency.Agencies;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Statement;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;
import org.mirabella.store.Database;
import org.mirabella.store.EntityStore;

/**
 * The hit release workflow (as in Prüm and Europol's EIS): the hit/no-hit view, the justified
 * request for details, the owner's answer (release all, part, or refuse with a reason) within a
 * deadline, releases as revocable disseminations, judgements, and messages on hits and cases.
 * Every step is audited in the same transaction as the change it records.
 */
public final class Exchange {
  private final Database db;
  private final EntityStore store;
  private final HitStore hits;
  private final AccessControl access;
  private final JdbcAuditLog audit;
  private final Duration deadline;
  private final DisseminationPolicy dissemination = DisseminationPolicy.standard();

  public Exchange(Database db, EntityStore store, HitStore hits, AccessControl access, JdbcAuditLog audit, Duration deadline) {
    this.db = db;
    this.store = store;
    this.hits = hits;
    this.access = access;
    this.audit = audit;
    this.deadline = deadline;
  }

  /** The answer deadline from {@code MIRABELLA_RELEASE_DEADLINE} (ISO-8601, e.g. PT24H), 48 hours by default. */
  public static Duration deadlineFrom(java.util.function.Function<String, String> env) {
    String v = env.apply("MIRABELLA_RELEASE_DEADLINE");
    if (v == null || v.isBlank()) return Duration.ofHours(48);
    try {
      return Duration.parse(v.strip());
    } catch (RuntimeException e) {
      throw new InvalidData("Bad configuration", Map.of("MIRABELLA_RELEASE_DEADLINE", "'" + v + "' is not an ISO-8601 duration such as PT48H"));
    }
  }

  /** Thrown when the hit exists but the step is not the caller's to take (e.g. answering one's own request). */
  public static final class NotYours extends RuntimeException {
    public NotYours(String m) {
      super(m);
    }
  }

  /** Thrown when the step does not fit the current state (e.g. answering an answered request). */
  public static final class Conflict extends RuntimeException {
    public Conflict(String m) {
      super(m);
    }
  }

  // ---- hit/no-hit view ---------------------------------------------------------------------

  /**
   * The hit as the viewer may see it, or empty when the viewer may not know it (another agencies'
   * hit, no reading role, or a victim record of another agency the viewer may not see).
   */
  public Optional<Hit> visibleHit(Viewer v, String ref) {
    return hits.find(ref).filter(h -> mayKnow(v, h));
  }

  public List<Hit> visibleHits(Viewer v) {
    if (!v.readsCaseData()) return List.of();
    List<Hit> all = hits.forAgency(v.agency());
    if (v.seesForeignVictims() || all.isEmpty()) return all;
    // One query for the categories of all the other sides (a hit list can be long).
    java.util.Set<String> victims = new java.util.HashSet<>();
    List<String> others = all.stream().map(h -> h.otherEntity(v.agency())).distinct().toList();
    for (int i = 0; i < others.size(); i += 1000) {
      List<String> chunk = others.subList(i, Math.min(others.size(), i + 1000));
      db.jdbi().useHandle(x -> x.createQuery("SELECT id FROM entity WHERE id IN (<ids>) AND category = 'VICTIM'")
          .bindList("ids", chunk).mapTo(String.class).forEach(victims::add));
    }
    return all.stream().filter(h -> !victims.contains(h.otherEntity(v.agency()))).toList();
  }

  /** The list view of the viewer's hits: the disclosures are read once for all of them. */
  public List<Map<String, Object>> views(Viewer v) {
    return views(v, visibleHits(v));
  }

  /** Which hits of the inbox to show: all, those not yet judged, with a pending request, overdue, or by judgement. */
  public enum Show {
    ALL, OPEN, INCOMING, OVERDUE, CONFIRMED, REJECTED, UNSURE;

    public static Show parse(String raw) {
      if (raw == null || raw.isBlank()) return ALL;
      try {
        return valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) : raw;
        throw new InvalidData("Bad parameter", Map.of("show",
            "'" + shown + "' is not one of all, open, incoming, overdue, confirmed, rejected, unsure"));
      }
    }
  }

  /** One page of the inbox and the number of hits the filter admits. */
  public record Inbox(long total, List<Map<String, Object>> hits) {}

  /**
   * Inbox totals, reused while the hit tables have not grown and for at most
   * {@link #TOTAL_REUSE_NANOS}. Counting is linear in the agency's hits (each other side checked for a
   * victim record): at the 10k scale (280,000 hits) it was about 80 % of the server's CPU under the
   * load benchmark (JFR), while the page itself reads only offset + limit index entries (V72). A new
   * hit, judgement or request (a higher id in hit, hit_judgement or hit_request: three index look-ups)
   * counts afresh at once; what leaves the ids alone (an answered or revoked request, an erasure, a
   * record's category changed) shows in the total within 5 s. The page is always read afresh.
   */
  static final long TOTAL_REUSE_NANOS = 5_000_000_000L;

  private record CountedTotal(long total, List<Long> marks, long at) {}

  private final Map<String, CountedTotal> totals = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One page of the viewer's hits, newest first, filtered in SQL so that the total and the pages
   * cover every hit the filter admits (the filter used to apply to the current page only). The
   * same visibility as {@link #visibleHits}: the viewer's agency is a side, and the other side is
   * not a victim record unless the viewer sees other agencies' victims.
   */
  public Inbox inbox(Viewer v, Show show, int limit, int offset) {
    return inbox(v, show, null, limit, offset);
  }

  /**
   * As {@link #inbox(Viewer, Show, int, int)}, limited to the hits of one of the viewer's own records
   * when {@code ownEntity} is given (a record's profile lists its hits); another agency's record
   * selects nothing, so an id cannot be probed for hits the viewer does not already see.
   */
  public Inbox inbox(Viewer v, Show show, String ownEntity, int limit, int offset) {
    if (!v.readsCaseData()) return new Inbox(0, List.of());
    Instant now = Instant.now();
    // Two branches, one per side the viewer's agency is on, so each reads through its agency index.
    String victims = v.seesForeignVictims() ? ""
        : " AND NOT EXISTS (SELECT 1 FROM entity ov WHERE ov.id = h.{other} AND ov.category = 'VICTIM')";
    String cond = switch (show) {
      case ALL -> "";
      case OPEN -> " AND h.judgement IS NULL";
      case CONFIRMED, REJECTED, UNSURE -> " AND h.judgement = :show";
      case INCOMING -> " AND EXISTS (SELECT 1 FROM hit_request r WHERE r.hit_id = h.id AND r.status = 'pending'"
          + " AND r.requester_agency <> :agency)";
      case OVERDUE -> " AND EXISTS (SELECT 1 FROM hit_request r WHERE r.hit_id = h.id AND r.status = 'pending' AND r.deadline < :now)";
    };
    String left = " FROM hit h WHERE h.left_agency = :agency" + victims.replace("{other}", "right_entity") + cond
        + (ownEntity == null ? "" : " AND h.left_entity = :entity");
    String right = " FROM hit h WHERE h.right_agency = :agency" + victims.replace("{other}", "left_entity") + cond
        + (ownEntity == null ? "" : " AND h.right_entity = :entity");
    // The page: each side's first offset + limit hits in the order of its inbox index (V72: agency,
    // created_at DESC, id DESC; the constant agency leads the ORDER BY so that H2 sees the index's
    // order), then merged. Reads offset + limit entries per side, not every hit of the agency.
    // The inner limit is written into the SQL (a number computed here, never text from the request):
    // H2 2.3 kept the first value bound to it across executions of the same statement text.
    long first = (long) offset + limit;
    String page = "SELECT * FROM ((SELECT h.*" + left + " ORDER BY h.left_agency, h.created_at DESC, h.id DESC LIMIT " + first + ")"
        + " UNION ALL (SELECT h.*" + right + " ORDER BY h.right_agency, h.created_at DESC, h.id DESC LIMIT " + first + ")) mine"
        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    return db.jdbi().withHandle(x -> {
      var count = x.createQuery("SELECT COUNT(*) FROM (SELECT h.id" + left + " UNION ALL SELECT h.id" + right + ") mine");
      List<Long> marks = x.createQuery("SELECT (SELECT MAX(id) FROM hit), (SELECT MAX(id) FROM hit_judgement), (SELECT MAX(id) FROM hit_request)")
          .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).one();
      String key = v.agency() + "|" + show + "|" + v.seesForeignVictims();
      var pageQuery = x.createQuery(page).bind("limit", limit).bind("offset", offset);
      for (var q : List.of(count, pageQuery)) {
        q.bind("agency", v.agency());
        if (show == Show.OVERDUE) q.bind("now", Timestamp.from(now));
        if (show == Show.CONFIRMED || show == Show.REJECTED || show == Show.UNSURE) q.bind("show", show.name());
        if (ownEntity != null) q.bind("entity", ownEntity);
      }
      long nowNanos = System.nanoTime();
      CountedTotal known = totals.get(key);
      long total;
      if (ownEntity != null) {
        total = count.mapTo(Long.class).one(); // one record's hits: few, counted afresh and not kept
      } else if (known != null && known.marks().equals(marks) && nowNanos - known.at() < TOTAL_REUSE_NANOS) {
        total = known.total();
      } else {
        total = count.mapTo(Long.class).one();
        totals.put(key, new CountedTotal(total, marks, nowNanos));
      }
      List<Hit> hits = pageQuery.map(HitStore.MAPPER).list();
      return new Inbox(total, hits.isEmpty() ? List.of() : views(v, hits));
    });
  }

  /** The list view of some of the viewer's hits (a page of {@link #visibleHits}): disclosures, entities and requests read once for the page. */
  public List<Map<String, Object>> views(Viewer v, List<Hit> visible) {
    org.mirabella.access.Disclosures d = access.disclosures(v.agency());
    Map<String, Entity> others = new java.util.HashMap<>();
    List<String> ids = visible.stream().map(h -> h.otherEntity(v.agency())).distinct().toList();
    store.findAll(ids).forEach((id, e) -> access.policy().visible(v, e, d).ifPresent(x -> others.put(id, x)));
    Map<Long, List<Map<String, Object>>> requests = requests(v, visible.stream().map(Hit::id).toList());
    return visible.stream().map(h -> view(v, h, false, others.containsKey(h.otherEntity(v.agency()))
        && !others.get(h.otherEntity(v.agency())).statements().isEmpty(), requests.getOrDefault(h.id(), List.of()))).toList();
  }

  private boolean mayKnow(Viewer v, Hit h) {
    if (!v.readsCaseData() || !h.involves(v.agency())) return false;
    if (v.seesForeignVictims()) return true;
    String category = db.jdbi().withHandle(x -> x.createQuery("SELECT category FROM entity WHERE id = :id")
        .bind("id", h.otherEntity(v.agency())).mapTo(String.class).findOne().orElse(SubjectCategory.VICTIM.name()));
    return !SubjectCategory.VICTIM.name().equals(category);
  }

  /** What the viewer's side sees: agency, reference, band, matched kinds; the other entity only once something of it is visible. */
  public Map<String, Object> view(Viewer v, Hit h, boolean full) {
    boolean released = access.find(v, h.otherEntity(v.agency())).map(e -> !e.statements().isEmpty()).orElse(false);
    return view(v, h, full, released, requests(v, List.of(h.id())).getOrDefault(h.id(), List.of()));
  }

  private Map<String, Object> view(Viewer v, Hit h, boolean full, boolean released, List<Map<String, Object>> requests) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", h.ref());
    m.put("ownEntity", h.ownEntity(v.agency()));
    m.put("otherAgency", h.otherAgency(v.agency()));
    m.put("band", h.band().name());
    m.put("matchedKinds", new TreeSet<>(h.matchedKinds()));
    m.put("algorithm", h.algorithm());
    m.put("createdAt", h.createdAt().toString());
    m.put("judgement", h.judgement() == null ? null : h.judgement().code());
    m.put("otherEntity", released ? h.otherEntity(v.agency()) : null);
    m.put("overdue", requests.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("overdue"))));
    m.put("pendingIncoming", requests.stream().filter(r -> "incoming".equals(r.get("direction")) && "pending".equals(r.get("status"))).count());
    if (full) {
      m.put("requests", requests);
      m.put("judgements", judgements(h));
      m.put("messages", messages(v, h.ref(), h.otherAgency(v.agency()), null, "hit_id = :hit", Map.of("hit", h.id())));
    }
    return m;
  }

  /** The requests on each of the hits, oldest first: one query for a whole page. */
  private Map<Long, List<Map<String, Object>>> requests(Viewer v, List<Long> hitIds) {
    Map<Long, List<Map<String, Object>>> out = new java.util.HashMap<>();
    if (hitIds.isEmpty()) return out;
    Instant now = Instant.now();
    db.jdbi().useHandle(x -> x.createQuery("SELECT * FROM hit_request WHERE hit_id IN (<h>) ORDER BY id").bindList("h", hitIds)
        .map((rs, c) -> {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("id", rs.getLong("id"));
          r.put("direction", rs.getString("requester_agency").equals(v.agency()) ? "outgoing" : "incoming");
          r.put("requesterAgency", rs.getString("requester_agency"));
          r.put("requestedBy", rs.getString("requested_by"));
          r.put("justification", rs.getString("justification"));
          r.put("requestedAt", instant(rs.getObject("requested_at", OffsetDateTime.class)));
          Instant due = rs.getObject("deadline", OffsetDateTime.class).toInstant();
          r.put("deadline", due.toString());
          String status = rs.getString("status");
          r.put("status", status);
          r.put("overdue", status.equals("pending") && now.isAfter(due));
          r.put("answeredBy", rs.getString("answered_by"));
          r.put("answeredAt", instant(rs.getObject("answered_at", OffsetDateTime.class)));
          r.put("reason", rs.getString("answer_reason"));
          String props = rs.getString("released_properties");
          r.put("releasedProperties", props == null ? null : List.of(props.split(",")));
          r.put("revokedAt", instant(rs.getObject("revoked_at", OffsetDateTime.class)));
          return Map.entry(rs.getLong("hit_id"), r);
        }).forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }

  private List<Map<String, Object>> judgements(Hit h) {
    return db.jdbi().withHandle(x -> x.createQuery("SELECT * FROM hit_judgement WHERE hit_id = :h ORDER BY id").bind("h", h.id())
        .map((rs, c) -> {
          Map<String, Object> j = new LinkedHashMap<>();
          j.put("judgement", rs.getString("judgement").toLowerCase(java.util.Locale.ROOT));
          j.put("reason", rs.getString("reason"));
          j.put("by", rs.getString("judged_by"));
          j.put("agency", rs.getString("agency"));
          j.put("at", instant(rs.getObject("judged_at", OffsetDateTime.class)));
          return j;
        }).list());
  }

  // ---- the release workflow ----------------------------------------------------------------

  /** The viewer's agency asks the other side for the details of the hit, with a justification. */
  public long request(Viewer v, Hit h, String justification) {
    require(justification, "justification");
    String owner = h.otherAgency(v.agency());
    Instant now = Instant.now();
    return db.jdbi().inTransaction(x -> {
      long id = x.createUpdate("INSERT INTO hit_request(hit_id, requester_agency, requested_by, justification, requested_at, "
              + "deadline, status) VALUES (:h, :a, :u, :j, :t, :d, 'pending')")
          .bind("h", h.id()).bind("a", v.agency()).bind("u", v.user()).bind("j", justification)
          .bind("t", Timestamp.from(now)).bind("d", Timestamp.from(now.plus(deadline)))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      audit.record(x, new AuditEvent(v.user(), v.agency(), "hit.request", h.ref(), owner, justification,
          "request " + id + " for details of " + owner + "'s entity; answer due " + now.plus(deadline)));
      return id;
    });
  }

  /** The owner's answer. Releases become disseminations of the owner's current statements, within the dissemination policy. */
  public Map<String, Object> answer(Viewer v, Hit h, long requestId, ReleaseDecision decision) {
    return db.jdbi().inTransaction(x -> {
      Map<String, Object> req = pendingRequest(x, h, requestId);
      String requester = (String) req.get("requester_agency");
      if (requester.equals(v.agency())) throw new NotYours("only " + h.otherAgency(requester) + " answers this request");
      String entityId = h.otherEntity(requester);
      Entity entity = store.find(entityId).orElseThrow(() -> new Conflict("the entity of this hit was erased"));
      List<Statement> released = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      String status;
      if (decision instanceof ReleaseDecision.Refuse) {
        status = "refused";
      } else {
        Set<String> props = decision instanceof ReleaseDecision.ReleasePart p ? p.properties() : null;
        if (props != null) {
          for (String p : props) {
            if (entity.schema().property(p) == null) {
              throw new InvalidData("Bad release", Map.of("properties", "no property '" + p + "' in " + entity.schema().name()));
            }
          }
        }
        var toTier = Agencies.get().require(requester).tier();
        for (Statement s : entity.statements()) {
          if (props != null && !props.contains(s.property())) continue;
          Decision d = dissemination.decide(new DisseminationPolicy.Disseminate(v, entity, s, requester, toTier));
          if (d.allowed()) released.add(s);
          else if (!s.retracted()) refused.add(d.toString());
        }
        status = props == null ? "released" : "partly_released";
      }
      Timestamp now = Timestamp.from(Instant.now());
      for (Statement s : released) {
        x.createUpdate("INSERT INTO dissemination(statement_id, entity_id, from_agency, to_agency, request_id, granted_by, granted_at) "
                + "VALUES (:s, :e, :f, :t, :r, :u, :at)")
            .bind("s", s.id()).bind("e", entityId).bind("f", v.agency()).bind("t", requester).bind("r", requestId)
            .bind("u", v.user()).bind("at", now).execute();
      }
      TreeSet<String> props = new TreeSet<>();
      released.forEach(s -> props.add(s.property()));
      x.createUpdate("UPDATE hit_request SET status = :st, answered_by = :u, answered_at = :t, answer_reason = :r, "
              + "released_properties = :p WHERE id = :id")
          .bind("st", status).bind("u", v.user()).bind("t", now).bind("r", decision.reason())
          .bind("p", props.isEmpty() ? null : String.join(",", props)).bind("id", requestId).execute();
      audit.record(x, new AuditEvent(v.user(), v.agency(), status.equals("refused") ? "release.refuse" : "release", entityId,
          v.agency(), decision.reason(), "request " + requestId + " of " + requester + " on " + h.ref() + ": " + released.size()
              + " statements (" + String.join(",", props) + ")" + (refused.isEmpty() ? "" : "; withheld " + refused.size())));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", status);
      out.put("released", released.size());
      out.put("properties", props);
      out.put("withheld", refused);
      return out;
    });
  }

  /** Revokes a release for the future: the recipient no longer reads the statements; what it read stays in the audit. */
  public int revoke(Viewer v, Hit h, long requestId, String reason) {
    require(reason, "reason");
    return db.jdbi().inTransaction(x -> {
      Map<String, Object> req = request(x, h, requestId);
      String requester = (String) req.get("requester_agency");
      if (requester.equals(v.agency())) throw new NotYours("only " + h.otherAgency(requester) + " revokes this release");
      if (req.get("revoked_at") != null) throw new Conflict("request " + requestId + " was already revoked");
      Timestamp now = Timestamp.from(Instant.now());
      int n = x.createUpdate("UPDATE dissemination SET revoked_at = :t, revoked_by = :u, revoke_reason = :r "
              + "WHERE request_id = :id AND revoked_at IS NULL")
          .bind("t", now).bind("u", v.user()).bind("r", reason).bind("id", requestId).execute();
      x.createUpdate("UPDATE hit_request SET revoked_at = :t WHERE id = :id").bind("t", now).bind("id", requestId).execute();
      audit.record(x, new AuditEvent(v.user(), v.agency(), "release.revoke", h.otherEntity(requester), v.agency(), reason,
          "request " + requestId + " of " + requester + " on " + h.ref() + ": " + n + " statements revoked"));
      return n;
    });
  }

  /** A judgement on the hit, by either side; the latest one is the hit's. A rejection stops the pair coming back. */
  public void judge(Viewer v, Hit h, Judgement j, String reason) {
    require(reason, "reason");
    db.jdbi().useTransaction(x -> {
      // Two judgements of one hit at once: the hit's row lock, taken before anything is written,
      // puts them one after the other, so the judgement ids, the audit records and the hit's own
      // judgement all follow the same order and the last one is the hit's. Without it the first
      // transaction could update the hit after the second had (its row lock is taken only by the
      // UPDATE), leaving the hit with a judgement other than its latest (HitJudgementRaceTest).
      x.createQuery("SELECT id FROM hit WHERE id = :h FOR UPDATE").bind("h", h.id()).mapTo(Long.class).findOne()
          .orElseThrow(() -> new org.mirabella.http.NotFound("no hit " + h.ref()));
      Timestamp now = Timestamp.from(Instant.now());
      x.createUpdate("INSERT INTO hit_judgement(hit_id, judgement, reason, judged_by, agency, judged_at) VALUES (:h, :j, :r, :u, :a, :t)")
          .bind("h", h.id()).bind("j", j.name()).bind("r", reason).bind("u", v.user()).bind("a", v.agency()).bind("t", now).execute();
      x.createUpdate("UPDATE hit SET judgement = :j, updated_at = :t WHERE id = :h").bind("j", j.name()).bind("t", now)
          .bind("h", h.id()).execute();
      audit.record(x, new AuditEvent(v.user(), v.agency(), "hit.judge", h.ref(), h.otherAgency(v.agency()), reason, j.code()));
    });
  }

  // ---- messages ----------------------------------------------------------------------------

  /**
   * A message from the viewer's agency, on a hit or a case, with its handling code. A message about
   * a victim ({@code victimProtection}) is read only by the sender's agency and victim-protection
   * officers, like a victim record.
   */
  public long message(Viewer v, Long hitId, String caseAgency, String caseRef, String body, HandlingCode code, String condition,
      boolean victimProtection, String object, String objectAgency) {
    require(body, "body");
    if (body.length() > 8000) throw new InvalidData("Bad message", Map.of("body", "at most 8000 characters"));
    new Provenance(v.agency(), "-", code, condition, null, null, null, null); // validates H3 needs a condition
    return db.jdbi().inTransaction(x -> {
      long id = x.createUpdate("INSERT INTO message(hit_id, case_agency, case_ref, from_agency, author, handling, handling_condition, "
              + "body, victim_protection, sent_at) VALUES (:h, :ca, :cr, :f, :u, :hc, :c, :b, :vp, :t)")
          .bind("h", hitId).bind("ca", caseAgency).bind("cr", caseRef).bind("f", v.agency()).bind("u", v.user())
          .bind("hc", code.name()).bind("c", condition).bind("b", body).bind("vp", victimProtection)
          .bind("t", Timestamp.from(Instant.now()))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      audit.record(x, new AuditEvent(v.user(), v.agency(), "message.send", object, objectAgency, null, "message " + id + " " + code));
      return id;
    });
  }

  /**
   * The messages the viewer may read on {@code object} (a hit's reference or a case), oldest first.
   * Messages are case content, so a read that returns any is audited ({@code message.read}, with
   * their ids, never their text).
   */
  public List<Map<String, Object>> messages(Viewer v, String object, String objectAgency, String justification, String where,
      Map<String, Object> binds) {
    List<Map<String, Object>> list = messageList(v, where, binds);
    if (!list.isEmpty()) {
      StringBuilder ids = new StringBuilder();
      for (Map<String, Object> m : list) ids.append(ids.isEmpty() ? "" : " ").append(m.get("id"));
      String detail = list.size() + " message" + (list.size() == 1 ? "" : "s") + ": " + ids;
      audit.record(new AuditEvent(v.user(), v.agency(), "message.read", object, objectAgency, justification,
          detail.length() > 200 ? detail.substring(0, 197) + "..." : detail));
    }
    return list;
  }

  private List<Map<String, Object>> messageList(Viewer v, String where, Map<String, Object> binds) {
    return db.jdbi().withHandle(x -> x.createQuery("SELECT * FROM message WHERE " + where
            + " AND (victim_protection = FALSE OR from_agency = :msg_agency OR :msg_vp) ORDER BY id").bindMap(binds)
        .bind("msg_agency", v.agency()).bind("msg_vp", v.seesForeignVictims())
        .map((rs, c) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong("id"));
          m.put("fromAgency", rs.getString("from_agency"));
          m.put("author", rs.getString("author"));
          String code = rs.getString("handling");
          m.put("handling", code);
          m.put("handlingCondition", rs.getString("handling_condition"));
          m.put("marking", marking(rs.getString("from_agency"), HandlingCode.valueOf(code), rs.getString("handling_condition")));
          m.put("body", rs.getString("body"));
          m.put("victimProtection", rs.getBoolean("victim_protection"));
          m.put("sentAt", instant(rs.getObject("sent_at", OffsetDateTime.class)));
          return m;
        }).list());
  }

  /** True when the viewer's agency owns the case or it is shared with it. */
  public boolean maySeeCase(Viewer v, String agency, String caseRef) {
    if (!v.readsCaseData()) return false;
    if (v.agency().equals(agency)) {
      return db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM case_file WHERE agency = :a AND ref = :r")
          .bind("a", agency).bind("r", caseRef).mapTo(Integer.class).one() > 0);
    }
    return access.disclosures(v.agency()).caseShared(agency, caseRef);
  }

  private static String marking(String agency, HandlingCode code, String condition) {
    return Markings.of(agency, code, condition);
  }

  private Map<String, Object> pendingRequest(Handle x, Hit h, long id) {
    Map<String, Object> r = request(x, h, id);
    if (!"pending".equals(r.get("status"))) throw new Conflict("request " + id + " was already answered (" + r.get("status") + ")");
    return r;
  }

  private static Map<String, Object> request(Handle x, Hit h, long id) {
    return x.createQuery("SELECT * FROM hit_request WHERE id = :id AND hit_id = :h FOR UPDATE").bind("id", id).bind("h", h.id())
        .mapToMap().findOne().orElseThrow(() -> new org.mirabella.http.NotFound("no request " + id + " on " + h.ref()));
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) throw new InvalidData("Missing field", Map.of(field, "required"));
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
