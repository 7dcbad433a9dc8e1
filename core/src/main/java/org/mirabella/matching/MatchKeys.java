package org.mirabella.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mirabella.matching.names.NameKey;
import org.mirabella.model.Entity;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import org.mirabella.model.types.PropertyType;
import org.mirabella.model.types.Types;

/**
 * Everything the matcher needs from one entity, computed once at ingest and never inside the pair
 * loop: name keys (full names, and given/family names where the source splits them), birth dates,
 * gender, countries, identifiers by kind (already normalised by their property types: E.164 phones,
 * compact passport numbers, IBANs…) and address words. {@link #blockingKeys()} are the strings a
 * store indexes to find candidates.
 */
public final class MatchKeys {
  private final String id;
  private final String schema;
  private final NameKey[] names;
  private final NameKey given;
  private final NameKey family;
  private final BirthDates birthDates;
  private final String gender;
  private final String[] countries;
  /** Identifier kind (property name or type: phone, email, iban…) → clean values. */
  private final Map<String, String[]> identifiers;
  private final Address address;
  private volatile Set<String> blockingKeys;

  private MatchKeys(String id, String schema, NameKey[] names, NameKey given, NameKey family, BirthDates birthDates,
      String gender, String[] countries, Map<String, String[]> identifiers, Address address) {
    this.id = id;
    this.schema = schema;
    this.names = names;
    this.given = given;
    this.family = family;
    this.birthDates = birthDates;
    this.gender = gender;
    this.countries = countries;
    this.identifiers = identifiers;
    this.address = address;
  }

  /** The keys of an entity: reads its properties by type, so any schema works. */
  public static MatchKeys of(Entity e) {
    return of(e.id(), e.schema(), e.properties());
  }

  /**
   * The keys of an entity from its current values by property ({@link Entity#properties()}'s shape,
   * in the same order): what {@link MatchValues} keeps in the store, so that a candidate's keys are
   * remade without reading its statements.
   */
  public static MatchKeys of(String id, Schema schema, Map<String, List<String>> properties) {
    List<NameKey> names = new ArrayList<>();
    List<String> dates = new ArrayList<>();
    Set<String> countries = new LinkedHashSet<>();
    Map<String, List<String>> ids = new LinkedHashMap<>();
    List<String> addresses = new ArrayList<>();
    String gender = null;
    for (Map.Entry<String, List<String>> p : properties.entrySet()) {
      Property prop = schema.property(p.getKey());
      if (prop == null) continue;
      PropertyType t = prop.type();
      List<String> vs = p.getValue();
      if (vs.isEmpty()) continue;
      if (t == Types.NAME) {
        for (String v : vs) names.add(NameKey.of(v));
      } else if (t == Types.DATE && DATES.contains(p.getKey())) {
        dates.addAll(vs);
      } else if (t == Types.COUNTRY) {
        countries.addAll(vs);
      } else if (t == Types.GENDER) {
        gender = vs.get(0);
      } else if (t == Types.IDENTIFIER) {
        ids.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).addAll(vs);
      } else if (t == Types.PHONE || t == Types.EMAIL || t == Types.IBAN) {
        ids.computeIfAbsent(t.name(), k -> new ArrayList<>()).addAll(vs);
      } else if (t == Types.ADDRESS) {
        addresses.addAll(vs);
      }
    }
    String first = join(values(properties, "firstName"), values(properties, "secondName"), values(properties, "middleName"));
    String last = join(values(properties, "lastName"));
    NameKey given = first.isEmpty() ? null : NameKey.of(first);
    NameKey family = last.isEmpty() ? null : NameKey.of(last);
    if (names.isEmpty() && (given != null || family != null)) {
      names.add(NameKey.of(join(List.of(first), values(properties, "fatherName"), List.of(last))));
    }
    Map<String, String[]> idArrays = new LinkedHashMap<>();
    ids.forEach((k, v) -> idArrays.put(k, v.toArray(String[]::new)));
    return new MatchKeys(id, schema.name(), names.toArray(NameKey[]::new), given, family,
        BirthDates.of(dates), gender, countries.toArray(String[]::new), idArrays, Address.of(String.join(" ", addresses)));
  }

  /** Date properties read as birth dates. */
  private static final Set<String> DATES = Set.of("birthDate", "incorporationDate", "buildDate");
  /** Name parts read by property name whatever their type. */
  private static final Set<String> NAME_PARTS = Set.of("firstName", "secondName", "middleName", "lastName", "fatherName");

  /**
   * Whether {@link #of} reads this property of the schema: the values {@link MatchValues} keeps.
   * Everything else (descriptions, links, notes…) cannot change an entity's keys.
   */
  public static boolean reads(Schema schema, String property) {
    if (NAME_PARTS.contains(property)) return true;
    Property prop = schema.property(property);
    if (prop == null) return false;
    PropertyType t = prop.type();
    return t == Types.NAME || (t == Types.DATE && DATES.contains(property)) || t == Types.COUNTRY || t == Types.GENDER
        || t == Types.IDENTIFIER || t == Types.PHONE || t == Types.EMAIL || t == Types.IBAN || t == Types.ADDRESS;
  }

  private static List<String> values(Map<String, List<String>> properties, String property) {
    return properties.getOrDefault(property, List.of());
  }

  @SafeVarargs
  private static String join(List<String>... parts) {
    StringBuilder b = new StringBuilder();
    for (List<String> p : parts) for (String s : p) if (!s.isBlank()) b.append(b.isEmpty() ? "" : " ").append(s);
    return b.toString();
  }

  public String id() {
    return id;
  }

  public String schema() {
    return schema;
  }

  public NameKey[] names() {
    return names;
  }

  /** Given names (first, second, middle) where the source splits names, else null. */
  public NameKey given() {
    return given;
  }

  /** Family name where the source splits names, else null. */
  public NameKey family() {
    return family;
  }

  public BirthDates birthDates() {
    return birthDates;
  }

  public String gender() {
    return gender;
  }

  public String[] countries() {
    return countries;
  }

  public Map<String, String[]> identifiers() {
    return identifiers;
  }

  public Address address() {
    return address;
  }

  /**
   * Candidate-search keys, as short strings a store can index: name word skeletons and variant
   * groups ({@code n:}), birth date ({@code b:}, and with day and month swapped), identifiers by kind
   * ({@code i:kind:value}) and numbers from the address (postcodes, {@code a:}).
   */
  public Set<String> blockingKeys() {
    Set<String> k = blockingKeys;
    if (k == null) blockingKeys = k = java.util.Collections.unmodifiableSet(computeBlockingKeys());
    return k;
  }

  private Set<String> computeBlockingKeys() {
    Set<String> out = new LinkedHashSet<>();
    for (NameKey n : names) for (String k : n.blockingKeys()) out.add("n:" + k);
    if (given != null) for (String k : given.blockingKeys()) out.add("n:" + k);
    if (family != null) for (String k : family.blockingKeys()) out.add("n:" + k);
    out.addAll(birthDates.blockingKeys());
    identifiers.forEach((k, vs) -> {
      for (String v : vs) out.add("i:" + k + ":" + v);
    });
    for (String w : address.words()) if (w.length() >= 4 && Character.isDigit(w.charAt(0))) out.add("a:" + w);
    return out;
  }

  @Override
  public String toString() {
    return id + " " + (names.length > 0 ? names[0].original() : "") + " " + birthDates;
  }
}
