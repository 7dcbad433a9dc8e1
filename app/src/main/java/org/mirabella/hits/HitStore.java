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
