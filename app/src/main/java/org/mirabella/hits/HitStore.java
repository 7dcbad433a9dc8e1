package org.mirabella.hits;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mirabella.audit.AuditEvent;
import org.mirabella.audit.JdbcAuditLog;
import org.mirabella.store.Database;

/**
 * Hits in the database, and the {@link HitRecorder} the matching engine calls. A pair becomes a hit
 * only between two agencies' entities; a rejected pair never comes back; a pair scored again updates
 * its hit (score, band, kinds, algorithm). New hits are audited, which is how both agencies'
 * DPOs see them, and appear in both agencies' hit lists.
 */
public final class HitStore implements HitRecorder {
  private static final String REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private final Database db;
  private final JdbcAuditLog audit;
  private final SecureRandom random = new SecureRandom();

  public HitStore(Database db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  @Override
  public Optional<Hit> record(ScoredPair pair) {
    String left = pair.leftId().compareTo(pair.rightId()) <= 0 ? pair.leftId() : pair.rightId();
    String right = left.equals(pair.leftId()) ? pair.rightId() : pair.leftId();
    return db.jdbi().inTransaction(h -> {
      Map<String, String> agencies = new java.util.HashMap<>();
      h.createQuery("SELECT id, agency FROM entity WHERE id IN (<ids>)").bindList("ids", List.of(left, right))
          .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> agencies.put(e.getKey(), e.getValue()));
      String la = agencies.get(left);
      String ra = agencies.get(right);
      if (la == null || ra == null || la.equals(ra)) return Optional.<Hit>empty();
      Optional<Hit> existing = h.createQuery("SELECT * FROM hit WHERE left_entity = :l AND right_entity = :r")
          .bind("l", left).bind("r", right).map(MAPPER).findOne();
      Timestamp now = Timestamp.from(Instant.now());
      String kinds = String.join(",", new java.util.TreeSet<>(pair.matchedKinds()));
      if (existing.isPresent()) {
        if (existing.get().judgement() == Judgement.REJECTED) return Optional.<Hit>empty();
        h.createUpdate("UPDATE hit SET score = :s, band = :b, matched_kinds = :k, algorithm = :a, model_version = :mv, updated_at = :t "
                + "WHERE id = :id")
            .bind("s", pair.score()).bind("b", pair.band().name()).bind("k", kinds).bind("a", pair.algorithm())
            .bind("mv", pair.modelVersion())
            .bind("t", now).bind("id", existing.get().id()).execute();
        return byId(h, existing.get().id());
      }
      String ref = newRef();
      h.createUpdate("INSERT INTO hit(ref, left_entity, left_agency, right_entity, right_agency, score, band, matched_kinds, "
              + "algorithm, model_version, created_at, updated_at) VALUES (:ref, :l, :la, :r, :ra, :s, :b, :k, :a, :mv, :t, :t)")
          .bind("ref", ref).bind("l", left).bind("la", la).bind("r", right).bind("ra", ra).bind("s", pair.score())
          .bind("b", pair.band().name()).bind("k", kinds).bind("a", pair.algorithm())
          .bind("mv", pair.modelVersion()).bind("t", now).execute();
      Hit hit = h.createQuery("SELECT * FROM hit WHERE ref = :ref").bind("ref", ref).map(MAPPER).one();
      for (String side : List.of(la, ra)) {
        audit.record(h, new AuditEvent("matching", "-", "hit.created", ref, side, null,
            "agencies " + la + " and " + ra + "; band " + pair.band() + "; " + pair.algorithm()
                + (pair.modelVersion() == null ? "" : " model " + pair.modelVersion())));
      }
      return Optional.of(hit);
    });
  }

  /**
   * Records a batch of scored pairs in one transaction (an import's hits): the owners of all the
   * pairs' entities in one read, the pairs' existing hits in one read, new hits inserted by one
   * batch with their two audit records each (one per agency, as {@link #record}), existing hits
   * updated only where the score, band, kinds, algorithm or model changed; a rejected pair stays
   * rejected, a pair within one agency makes no hit. The same pair twice in the batch counts once
   * (the last one wins). Returns the hits made or updated, in the pairs' order.
   */
  @Override
  public List<Hit> recordAll(List<ScoredPair> pairs) {
    Map<String, ScoredPair> byPair = new java.util.LinkedHashMap<>();
    for (ScoredPair p : pairs) {
      String left = p.leftId().compareTo(p.rightId()) <= 0 ? p.leftId() : p.rightId();
      String right = left.equals(p.leftId()) ? p.rightId() : p.leftId();
      byPair.put(left + '\u0000' + right, p);
    }
    if (byPair.isEmpty()) return List.of();
    return db.jdbi().inTransaction(h -> {
      java.util.Set<String> ids = new java.util.HashSet<>();
      java.util.Set<String> lefts = new java.util.HashSet<>();
      for (String k : byPair.keySet()) {
        int cut = k.indexOf('\u0000');
        lefts.add(k.substring(0, cut));
        ids.add(k.substring(0, cut));
        ids.add(k.substring(cut + 1));
      }
      Map<String, String> agencies = new java.util.HashMap<>();
      for (List<String> part : chunks(ids)) {
        h.createQuery("SELECT id, agency FROM entity WHERE id IN (<ids>)").bindList("ids", part)
            .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> agencies.put(e.getKey(), e.getValue()));
      }
      Map<String, Hit> existing = new java.util.HashMap<>();
      for (List<String> part : chunks(lefts)) {
        h.createQuery("SELECT * FROM hit WHERE left_entity IN (<ids>)").bindList("ids", part).map(MAPPER)
            .forEach(x -> existing.put(x.leftEntity() + '\u0000' + x.rightEntity(), x));
      }
      Timestamp now = Timestamp.from(Instant.now());
      org.jdbi.v3.core.statement.PreparedBatch insert = h.prepareBatch("INSERT INTO hit(ref, left_entity, left_agency, right_entity, "
          + "right_agency, score, band, matched_kinds, algorithm, model_version, created_at, updated_at) "
          + "VALUES (:ref, :l, :la, :r, :ra, :s, :b, :k, :a, :mv, :t, :t)");
      org.jdbi.v3.core.statement.PreparedBatch update = h.prepareBatch("UPDATE hit SET score = :s, band = :b, matched_kinds = :k, "
          + "algorithm = :a, model_version = :mv, updated_at = :t WHERE id = :id");
      List<String> refs = new java.util.ArrayList<>();
      List<Long> updated = new java.util.ArrayList<>();
      List<Hit> unchanged = new java.util.ArrayList<>();
      List<AuditEvent> events = new java.util.ArrayList<>();
      for (Map.Entry<String, ScoredPair> e : byPair.entrySet()) {
        int cut = e.getKey().indexOf('\u0000');
        String left = e.getKey().substring(0, cut);
        String right = e.getKey().substring(cut + 1);
        ScoredPair pair = e.getValue();
        String la = agencies.get(left);
        String ra = agencies.get(right);
        if (la == null || ra == null || la.equals(ra)) continue;
        String kinds = String.join(",", new java.util.TreeSet<>(pair.matchedKinds()));
        Hit old = existing.get(e.getKey());
        if (old != null) {
          if (old.judgement() == Judgement.REJECTED) continue;
          if (old.score() == pair.score() && old.band() == pair.band() && String.join(",", new java.util.TreeSet<>(old.matchedKinds())).equals(kinds)
              && old.algorithm().equals(pair.algorithm()) && java.util.Objects.equals(old.modelVersion(), pair.modelVersion())) {
            unchanged.add(old);
            continue;
          }
          update.bind("s", pair.score()).bind("b", pair.band().name()).bind("k", kinds).bind("a", pair.algorithm())
              .bind("mv", pair.modelVersion()).bind("t", now).bind("id", old.id()).add();
          updated.add(old.id());
          continue;
        }
        String ref = newRef();
        insert.bind("ref", ref).bind("l", left).bind("la", la).bind("r", right).bind("ra", ra).bind("s", pair.score())
            .bind("b", pair.band().name()).bind("k", kinds).bind("a", pair.algorithm()).bind("mv", pair.modelVersion()).bind("t", now).add();
        refs.add(ref);
        for (String side : List.of(la, ra)) {
          events.add(new AuditEvent("matching", "-", "hit.created", ref, side, null,
              "agencies " + la + " and " + ra + "; band " + pair.band() + "; " + pair.algorithm()
                  + (pair.modelVersion() == null ? "" : " model " + pair.modelVersion())));
        }
      }
      if (!refs.isEmpty()) insert.execute();
      if (!updated.isEmpty()) update.execute();
      audit.recordAll(h, events); // one batched INSERT, the chain as one record() per event would make it
      Map<String, Hit> made = new java.util.HashMap<>();
      for (List<String> part : chunks(refs)) {
        h.createQuery("SELECT * FROM hit WHERE ref IN (<refs>)").bindList("refs", part).map(MAPPER)
            .forEach(x -> made.put(x.leftEntity() + '\u0000' + x.rightEntity(), x));
      }
      for (List<Long> part : chunks(updated)) {
        h.createQuery("SELECT * FROM hit WHERE id IN (<ids>)").bindList("ids", part).map(MAPPER)
            .forEach(x -> made.put(x.leftEntity() + '\u0000' + x.rightEntity(), x));
      }
      for (Hit x : unchanged) made.put(x.leftEntity() + '\u0000' + x.rightEntity(), x);
      List<Hit> out = new java.util.ArrayList<>();
      for (String k : byPair.keySet()) if (made.containsKey(k)) out.add(made.get(k));
      return out;
    });
  }

  private static <T> List<List<T>> chunks(java.util.Collection<T> all) {
    List<T> list = new java.util.ArrayList<>(all);
    List<List<T>> out = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i += 1_000) out.add(list.subList(i, Math.min(list.size(), i + 1_000)));
    return out;
  }

  public Optional<Hit> find(String ref) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM hit WHERE ref = :r").bind("r", ref).map(MAPPER).findOne());
  }

  /** Hits involving the agency, newest first. */
  public List<Hit> forAgency(String agency) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT * FROM hit WHERE left_agency = :a OR right_agency = :a ORDER BY created_at DESC, id DESC")
        .bind("a", agency).map(MAPPER).list());
  }

  private static Optional<Hit> byId(Handle h, long id) {
    return h.createQuery("SELECT * FROM hit WHERE id = :id").bind("id", id).map(MAPPER).findOne();
  }

  private String newRef() {
    StringBuilder sb = new StringBuilder("HIT-");
    for (int i = 0; i < 10; i++) sb.append(REF_ALPHABET.charAt(random.nextInt(REF_ALPHABET.length())));
    return sb.toString();
  }

  static final RowMapper<Hit> MAPPER = (rs, ctx) -> {
    String j = rs.getString("judgement");
    return new Hit(rs.getLong("id"), rs.getString("ref"), rs.getString("left_entity"), rs.getString("left_agency"),
        rs.getString("right_entity"), rs.getString("right_agency"), rs.getDouble("score"),
        ScoredPair.Band.valueOf(rs.getString("band")),
        Arrays.stream(rs.getString("matched_kinds").split(",")).filter(s -> !s.isBlank()).collect(Collectors.toCollection(LinkedHashSet::new)),
        rs.getString("algorithm"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        j == null ? null : Judgement.valueOf(j), (Integer) rs.getObject("model_version", Integer.class));
  };
}
