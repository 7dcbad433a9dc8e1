package org.mirabella.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of entity (Person, Vessel, Payment, BorderCrossing, ...) with its own and inherited
 * properties, read from the schema YAML by {@link SchemaLoader}. Edge schemata (Payment, Call,
 * Associate, ...) name their source and target properties.
 */
public final class Schema {
  /** An edge schema's endpoints and how to caption the link. */
  public record Edge(String source, String target, boolean directed, String label, List<String> caption) {}

  /** Properties holding an entity's start and end in time. */
  public record TemporalExtent(List<String> start, List<String> end) {}

  private final String name;
  private final String label;
  private final String plural;
  private final String description;
  private final boolean isAbstract;
  private final boolean matchable;
  private final boolean generated;
  private final boolean hidden;
  private final boolean deprecated;
  private final List<String> featured;
  private final List<String> required;
  private final List<String> caption;
  private final Edge edge;
  private final TemporalExtent temporalExtent;
  private final List<String> extendsNames;
  private final String origin;
  final Map<String, Property> own = new LinkedHashMap<>();
  private final List<Schema> parents = new ArrayList<>();
  private final Map<String, Property> all = new LinkedHashMap<>();
  private final Set<String> ancestry = new LinkedHashSet<>();

  Schema(String name, String label, String plural, String description, boolean isAbstract, boolean matchable,
      boolean generated, boolean hidden, boolean deprecated, List<String> featured, List<String> required,
      List<String> caption, Edge edge, TemporalExtent temporalExtent, List<String> extendsNames, String origin) {
    this.name = name;
    this.label = label == null ? name : label;
    this.plural = plural == null ? this.label : plural;
    this.description = description;
    this.isAbstract = isAbstract;
    this.matchable = matchable;
    this.generated = generated;
    this.hidden = hidden;
    this.deprecated = deprecated;
    this.featured = List.copyOf(featured);
    this.required = List.copyOf(required);
    this.caption = List.copyOf(caption);
    this.edge = edge;
    this.temporalExtent = temporalExtent;
    this.extendsNames = List.copyOf(extendsNames);
    this.origin = origin;
  }

  List<String> extendsNames() {
    return extendsNames;
  }

  void addParent(Schema parent) {
    parents.add(parent);
  }

  /** Resolves inherited properties (parents first, own last so children may redefine). */
  void resolve() {
    if (!ancestry.isEmpty()) return;
    ancestry.add(name);
    for (Schema p : parents) {
      p.resolve();
      ancestry.addAll(p.ancestry);
      all.putAll(p.all);
    }
    all.putAll(own);
  }

  void addReverse(Property p) {
    own.put(p.name(), p);
  }

  void inheritReverse(Property p) {
    all.putIfAbsent(p.name(), p);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String plural() {
    return plural;
  }

  public String description() {
    return description;
  }

  public boolean isAbstract() {
    return isAbstract;
  }

  public boolean matchable() {
    return matchable;
  }

  public boolean generated() {
    return generated;
  }

  public boolean hidden() {
    return hidden;
  }

  public boolean deprecated() {
    return deprecated;
  }

  public List<String> featured() {
    return featured;
  }

  public List<String> required() {
    return required;
  }

  public List<String> caption() {
    return caption;
  }

  /** Non-null for edge schemata (Payment, Call, Associate, ...). */
  public Edge edge() {
    return edge;
  }

  public TemporalExtent temporalExtent() {
    return temporalExtent;
  }

  /** The file this schema was read from (for error messages). */
  public String origin() {
    return origin;
  }

  public List<Schema> parents() {
    return Collections.unmodifiableList(parents);
  }

  /** This schema's name and those of all it extends. */
  public Set<String> ancestry() {
    return Collections.unmodifiableSet(ancestry);
  }

  /** Whether this schema is, or extends, the named one. */
  public boolean isA(String schema) {
    return ancestry.contains(schema);
  }

  public boolean isA(Schema schema) {
    return isA(schema.name());
  }

  /** A property by name, own or inherited, or null. */
  public Property property(String name) {
    return all.get(name);
  }

  /** All properties, own and inherited. */
  public Map<String, Property> properties() {
    return Collections.unmodifiableMap(all);
  }

  @Override
  public String toString() {
    return name;
  }
}
