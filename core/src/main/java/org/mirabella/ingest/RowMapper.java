package org.mirabella.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mirabella.ingest.Mapping.EntitySpec;
import org.mirabella.ingest.Mapping.PropertySpec;
import org.mirabella.ingest.Mapping.ValueSpec;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Property;
import org.mirabella.model.Statement;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.Types;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

/**
 * Turns one row into the mapping's entities, or into rejects. A row lands whole or not at all: if
 * any of its values fails its property type, the row is rejected with every failing column and
 * reason, and none of its entities is made. Statements keep the value as the source gave it.
 */
public final class RowMapper {
  /** A row's outcome: the entities it made, or why it was rejected. */
  public record Result(List<Entity> entities, List<Reject> rejects) {}

  private final Mapping mapping;
  private final ImportSettings settings;
  private final String file;
  private final String source;

  /** @param source the statements' source, e.g. {@code it-persone.yaml:persone.csv} */
  public RowMapper(Mapping mapping, ImportSettings settings, String file, String source) {
    this.mapping = mapping;
    this.settings = settings;
    this.file = file;
    this.source = source;
  }

  /** Entity id: the agency's prefix and a hash of agency, case, mapping entity name and key values. */
  public static String entityId(String agency, String caseRef, String entityName, List<String> keyValues) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-1");
      List<String> parts = new ArrayList<>(List.of(agency, caseRef, entityName));
      parts.addAll(keyValues);
      for (String p : parts) {
        d.update(p.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
      }
      return agency.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Result map(Row row) {
    List<Reject> problems = new ArrayList<>();
    String shape = CsvSource.fieldCountProblem(row);
    if (shape != null) return new Result(List.of(), List.of(reject(row, "", shape)));
    var prov = mapping.provenance();
    SubjectCategory rowCategory = category(prov.category(), row, problems);
    HandlingCode handling = settings.handling();
    String handlingRaw = pick(prov.handling(), row, problems);
    if (handlingRaw != null) {
      try {
        handling = HandlingCode.parse(handlingRaw);
      } catch (InvalidData e) {
        problems.add(reject(row, column(prov.handling()), firstError(e)));
      }
    }
    String condition = pick(prov.handlingCondition(), row, problems);
    if (condition == null) condition = settings.handlingCondition();
    Grading grade = settings.grade();
    String gradeRaw = pick(prov.grade(), row, problems);
    if (gradeRaw != null) {
      try {
        grade = Grading.parse(gradeRaw);
      } catch (InvalidData e) {
        problems.add(reject(row, column(prov.grade()), firstError(e)));
      }
    }
    Provenance p = null;
    try {
      p = new Provenance(settings.agency(), settings.caseRef(), handling, condition, grade, source, settings.recordedBy(),
          settings.recordedAt());
    } catch (InvalidData e) {
      problems.add(reject(row, column(prov.handling()), firstError(e)));
    }
    if (!problems.isEmpty()) return new Result(List.of(), problems);

    Map<String, String> ids = new LinkedHashMap<>();
    for (EntitySpec e : mapping.entities().values()) {
      List<String> keys = new ArrayList<>(e.keys().size());
      boolean any = false;
      for (String k : e.keys()) {
        String v = trimmed(row.get(k));
        any |= v != null;
        keys.add(v == null ? "" : v);
      }
      boolean complete = any;
      for (String r : e.required()) complete &= trimmed(row.get(r)) != null;
      if (complete) ids.put(e.name(), entityId(settings.agency(), settings.caseRef(), e.name(), keys));
    }
    List<Entity> out = new ArrayList<>(ids.size());
    for (EntitySpec spec : mapping.entities().values()) {
      String id = ids.get(spec.name());
      if (id == null) continue;
      SubjectCategory cat = spec.category() == null ? rowCategory : category(spec.category(), row, problems);
      Entity e = new Entity(id, spec.schema(), settings.agency(), settings.caseRef(), cat, null);
      for (PropertySpec ps : spec.properties()) addValues(e, ps, row, ids, p, problems);
      out.add(e);
    }
    return problems.isEmpty() ? new Result(out, List.of()) : new Result(List.of(), problems);
  }

  private void addValues(Entity e, PropertySpec ps, Row row, Map<String, String> ids, Provenance p, List<Reject> problems) {
    Property prop = e.schema().property(ps.property());
    if (ps.entity() != null) {
      String ref = ids.get(ps.entity());
      if (ref != null) add(e, prop, ref, ref, p, row, ps.entity(), problems);
      return;
    }
    if (!ps.literals().isEmpty()) {
      for (String l : ps.literals()) add(e, prop, l, l, p, row, ps.property(), problems);
      return;
    }
    if (ps.template() != null) {
      String v = Templates.fill(ps.template(), row);
      if (v != null) addConverted(e, prop, ps, v, p, row, ps.template(), problems);
      return;
    }
    if (ps.join() != null) {
      List<String> parts = new ArrayList<>();
      for (String c : ps.columns()) for (String v : row.values(c)) if (trimmed(v) != null) parts.add(v.strip());
      if (!parts.isEmpty()) addConverted(e, prop, ps, String.join(ps.join(), parts), p, row, String.join("+", ps.columns()), problems);
      return;
    }
    for (String c : ps.columns()) {
      for (String raw : row.values(c)) {
        if (ps.split() == null) {
          String v = trimmed(raw);
          if (v != null) addConverted(e, prop, ps, v, p, row, c, problems);
        } else if (raw != null) {
          for (String part : raw.split(java.util.regex.Pattern.quote(ps.split()))) {
            String v = trimmed(part);
            if (v != null) addConverted(e, prop, ps, v, p, row, c, problems);
          }
        }
      }
    }
  }

  private void addConverted(Entity e, Property prop, PropertySpec ps, String v, Provenance p, Row row, String column,
      List<Reject> problems) {
    String value = v;
    if (prop.type() == Types.DATE) {
      List<String> patterns = ps.format() != null ? List.of(ps.format()) : mapping.source().dateFormats();
      boolean birth = isBirthDate(prop);
      java.time.LocalDate today = java.time.LocalDate.now();
      if (!patterns.isEmpty()) {
        String iso = DateFormats.toIso(v, patterns, birth ? DateFormats.Window.PAST : DateFormats.Window.AROUND_NOW,
            today.getYear());
        if (iso != null) {
          value = iso;
        } else if (!Types.DATE.clean(v).isValid()) {
          problems.add(reject(row, column, ps.property() + ": '" + v + "' matches none of the date formats "
              + String.join(", ", patterns)));
          return;
        }
      }
      org.mirabella.model.types.Cleaned cleaned = birth ? Types.DATE.clean(value) : null;
      String clean = cleaned != null && cleaned.isValid() ? cleaned.value() : null;
      if (clean != null && inFuture(clean, today)) {
        problems.add(reject(row, column, ps.property() + ": '" + v + "' is a birth date in the future (" + clean + ")"));
        return;
      }
    } else if (prop.type() == Types.NUMBER && mapping.source().decimalComma()) {
      value = v.replace(".", "").replace(" ", "").replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
    }
    add(e, prop, value, v, p, row, column, problems);
  }

  /** A birth date (FtM's {@code birthDate} and any date property named for birth): it cannot lie ahead. */
  static boolean isBirthDate(Property prop) {
    return prop.name().toLowerCase(java.util.Locale.ROOT).contains("birth");
  }

  /** Whether an ISO date of any precision (year, month, day, time) starts after {@code today}. */
  static boolean inFuture(String iso, java.time.LocalDate today) {
    String now = today.toString();
    String head = iso.length() >= now.length() ? iso.substring(0, now.length()) : iso;
    return head.compareTo(now.substring(0, head.length())) > 0;
  }

  /** Cleans with the property's type and adds the statement, keeping the source's {@code original}. */
  private void add(Entity e, Property prop, String value, String original, Provenance p, Row row, String column,
      List<Reject> problems) {
    Cleaned c = prop.type().clean(value, new CleaningContext(e.countries(), prop.format()));
    if (c instanceof Cleaned.Invalid bad) {
      problems.add(reject(row, column, prop.name() + ": " + bad.reason()));
      return;
    }
    String clean = c.value();
    if (clean.length() > prop.maxLength()) {
      problems.add(reject(row, column, prop.name() + ": longer than " + prop.maxLength() + " characters"));
      return;
    }
    Statement s = Statement.of(e.id(), e.schema().name(), prop.name(), clean, original, p);
    for (Statement x : e.statements()) if (x.id().equals(s.id())) return;
    e.addStatement(s);
  }

  private SubjectCategory category(ValueSpec spec, Row row, List<Reject> problems) {
    String raw = pick(spec, row, problems);
    if (raw == null) return SubjectCategory.OTHER;
    try {
      return SubjectCategory.parse(raw);
    } catch (InvalidData e) {
      problems.add(reject(row, column(spec), firstError(e)));
      return SubjectCategory.OTHER;
    }
  }

  /** The value a provenance spec gives for the row (mapped), or null when it gives none. */
  private String pick(ValueSpec spec, Row row, List<Reject> problems) {
    if (spec == null) return null;
    if (spec.literal() != null) return spec.literal();
    String v = trimmed(row.get(spec.column()));
    if (v == null) return null;
    if (spec.map().isEmpty()) return v;
    String mapped = spec.map().get(v);
    return mapped != null ? mapped : v;
  }

  private static String column(ValueSpec spec) {
    return spec == null ? "" : spec.column() != null ? spec.column() : spec.path();
  }

  private static String firstError(InvalidData e) {
    return e.errors().isEmpty() ? e.getMessage() : e.errors().values().iterator().next();
  }

  private Reject reject(Row row, String column, String reason) {
    return new Reject(file, row.line(), column, reason, row.raw());
  }

  static String trimmed(String v) {
    if (v == null) return null;
    String s = v.strip();
    return s.isEmpty() ? null : s;
  }
}
