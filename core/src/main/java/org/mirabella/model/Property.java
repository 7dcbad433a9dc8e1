package org.mirabella.model;

import org.mirabella.model.types.PropertyType;

/**
 * A property of a schema, as FtM defines it: name, label, type, and for entity references the
 * range schema and the reverse property that appears on the range.
 */
public final class Property {
  private final Schema schema;
  private final String name;
  private final String label;
  private final String description;
  private final PropertyType type;
  private final String rangeName;
  private final String reverseName;
  private final boolean hidden;
  private final boolean matchable;
  private final boolean deprecated;
  private final boolean stub;
  private final String format;
  private final int maxLength;
  private Schema range;
  private Property reverse;

  Property(Schema schema, String name, String label, String description, PropertyType type, String rangeName,
      String reverseName, boolean hidden, Boolean matchable, boolean deprecated, boolean stub, String format,
      Integer maxLength) {
    this.schema = schema;
    this.name = name;
    this.label = label == null ? name : label;
    this.description = description;
    this.type = type;
    this.rangeName = rangeName;
    this.reverseName = reverseName;
    this.hidden = hidden;
    this.matchable = matchable == null ? type.matchable() : matchable;
    this.deprecated = deprecated;
    this.stub = stub;
    this.format = format;
    this.maxLength = maxLength == null ? type.maxLength() : maxLength;
  }

  void link(Schema range, Property reverse) {
    this.range = range;
    this.reverse = reverse;
  }

  /** The schema that declares this property. */
  public Schema schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  /** {@code Schema:property}, unique in the model. */
  public String qname() {
    return schema.name() + ":" + name;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public PropertyType type() {
    return type;
  }

  /** For entity references: the schema the referenced entity must be (or extend); else null. */
  public Schema range() {
    return range;
  }

  String rangeName() {
    return rangeName;
  }

  String reverseName() {
    return reverseName;
  }

  /** The property on the range schema that points back, if the model declares one. */
  public Property reverse() {
    return reverse;
  }

  public boolean hidden() {
    return hidden;
  }

  public boolean matchable() {
    return matchable;
  }

  public boolean deprecated() {
    return deprecated;
  }

  /** A reverse property: it exists on the range schema but values are held by the other side. */
  public boolean stub() {
    return stub;
  }

  /** An identifier format such as {@code imo} or {@code iban}, or null. */
  public String format() {
    return format;
  }

  public int maxLength() {
    return maxLength;
  }

  @Override
  public String toString() {
    return qname();
  }
}
