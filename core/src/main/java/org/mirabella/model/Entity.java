package org.mirabella.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.Types;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

/**
 * An entity of one schema, owned by one agency's case, made of statements. {@link #add} delegates
 * cleaning to the property's type (with the entity's countries as a hint) and never drops a value
 * silently: an invalid one comes back as {@link Cleaned.Invalid} with its reason for the caller to
 * reject.
 */
public final class Entity {
  private final String id;
  private final Schema schema;
  private final String agency;
  private final String caseRef;
  private final SubjectCategory category;
  private final LocalDate reviewDate;
  private final List<Statement> statements = new ArrayList<>();
  /** Statement id to its position in {@link #statements}. */
  private final Map<String, Integer> positions = new HashMap<>();

  public Entity(String id, Schema schema, String agency, String caseRef, SubjectCategory category, LocalDate reviewDate) {
    Cleaned cid = Types.ENTITY.clean(id);
    if (!cid.isValid()) throw new InvalidData("Bad entity", Map.of("id", ((Cleaned.Invalid) cid).reason()));
    this.id = cid.value();
    this.schema = Objects.requireNonNull(schema, "schema");
    if (schema.isAbstract()) throw new InvalidData("Bad entity", Map.of("schema", schema.name() + " is abstract"));
    this.agency = Objects.requireNonNull(agency, "agency");
    this.caseRef = Objects.requireNonNull(caseRef, "caseRef");
    this.category = category == null ? SubjectCategory.OTHER : category;
    this.reviewDate = reviewDate == null ? this.category.reviewDate(LocalDate.now()) : reviewDate;
  }

  public String id() {
    return id;
  }

  public Schema schema() {
    return schema;
  }

  public String agency() {
    return agency;
  }

  public String caseRef() {
    return caseRef;
  }

  public SubjectCategory category() {
    return category;
  }

  public LocalDate reviewDate() {
    return reviewDate;
  }

  /**
   * Cleans {@code raw} with the property's type and, if valid, adds it as a statement. Returns the
   * outcome; an unknown property is an {@link InvalidData} (a mapping error, not a data error). The
   * same fact added twice is one statement. A fact stated again after its statement was retracted
   * is a new statement (id from {@link Statement#restatedId}); the tombstone stays as it was.
   */
  public Cleaned add(String property, String raw, Provenance provenance) {
    Property p = schema.property(property);
    if (p == null) throw new InvalidData("Unknown property", Map.of(property, "no property '" + property + "' in " + schema.name()));
    if (p.stub()) {
      throw new InvalidData("Unknown property", Map.of(property, property + " is a reverse property of " + schema.name()
          + ": set " + p.reverse().qname() + " on the other entity instead"));
    }
    Cleaned c = p.type().clean(raw, new CleaningContext(countries(), p.format()));
    if (c instanceof Cleaned.Valid v) {
      if (v.value().length() > p.maxLength()) return Cleaned.invalid("longer than " + p.maxLength() + " characters");
      Statement s = Statement.of(id, schema.name(), property, v.value(), raw, provenance);
      Statement existing = statement(s.id());
      while (existing != null && existing.retracted()) {
        s = s.withId(Statement.restatedId(existing.id(), existing.retraction().at()));
        existing = statement(s.id());
      }
      if (existing == null) append(s);
    }
    return c;
  }

  /** The statement of that id, retracted or not, or null. */
  public Statement statement(String statementId) {
    Integer i = positions.get(statementId);
    return i == null ? null : statements.get(i);
  }

  private void append(Statement s) {
    positions.put(s.id(), statements.size());
    statements.add(s);
  }

  /**
   * Retracts a current statement: it is replaced by its tombstone (who, when, why), which stays in
   * {@link #statements()} while {@link #values} no longer shows it. Returns the tombstone; an unknown
   * or already retracted statement is an {@link InvalidData}.
   */
  public Statement retract(String statementId, String by, Instant at, String reason) {
    Integer i = positions.get(statementId);
    if (i != null) {
      Statement tombstone = statements.get(i).retract(by, at, reason);
      statements.set(i, tombstone);
      return tombstone;
    }
    throw new InvalidData("Cannot retract", Map.of("statement", "no statement " + statementId + " on " + id));
  }

  /** Adds an already clean statement (read back from a store); one with an id already present is an error. */
  public void addStatement(Statement s) {
    if (!s.entityId().equals(id)) throw new IllegalArgumentException("statement of " + s.entityId() + " added to " + id);
    if (statement(s.id()) != null) throw new IllegalArgumentException("statement " + s.id() + " is already on " + id);
    append(s);
  }

  /** All statements, retracted ones included. */
  public List<Statement> statements() {
    return Collections.unmodifiableList(statements);
  }

  /** Current (not retracted) values of a property, in order of addition, without duplicates. */
  public List<String> values(String property) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : statements) if (!s.retracted() && s.property().equals(property)) out.add(s.value());
    return List.copyOf(out);
  }

  public String first(String property) {
    List<String> v = values(property);
    return v.isEmpty() ? null : v.get(0);
  }

  /** Current values by property, in FtM's {@code properties} shape. */
  public Map<String, List<String>> properties() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Statement s : statements) {
      if (s.retracted()) continue;
      List<String> vs = out.computeIfAbsent(s.property(), k -> new ArrayList<>());
      if (!vs.contains(s.value())) vs.add(s.value());
    }
    return out;
  }

  /** Values of all country-typed properties: the hint for local phone numbers. */
  public Set<String> countries() {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : statements) {
      if (s.retracted()) continue;
      Property p = schema.property(s.property());
      if (p != null && p.type() == Types.COUNTRY) out.add(s.value());
    }
    return out;
  }

  /** A caption for display: the first value of the schema's caption properties, else the id. */
  public String caption() {
    for (String prop : schema.caption()) {
      String v = first(prop);
      if (v != null) return v;
    }
    return id;
  }

  /** Missing required properties; empty when the entity is complete. */
  public List<String> missingRequired() {
    return schema.required().stream().filter(r -> values(r).isEmpty()).toList();
  }
}
