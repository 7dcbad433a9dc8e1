package org.mirabella.actions;

import java.util.Locale;
import java.util.Set;
import org.mirabella.model.types.Cleaned;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.PropertyType;
import org.mirabella.model.types.Types;

/**
 * What a field check looks up: a name, a travel or identity document number, a phone number, a
 * vehicle plate or a bank account. Each kind cleans the checked value with the property type that
 * stored values were cleaned with, so exact comparison after normalisation finds {@code 0039 333
 * 1234567} where {@code +393331234567} was stored. Names are compared case-folded as well, since
 * {@link org.mirabella.model.types.NameType} keeps the spelling's case.
 */
public enum CheckKind {
  NAME(Types.NAME, null),
  DOCUMENT(Types.IDENTIFIER, null),
  PHONE(Types.PHONE, null),
  PLATE(Types.IDENTIFIER, "plate"),
  IBAN(Types.IBAN, null);

  private final PropertyType type;
  private final String format;

  CheckKind(PropertyType type, String format) {
    this.type = type;
    this.format = format;
  }

  /** The property type whose stored values this kind is compared with. */
  public PropertyType type() {
    return type;
  }

  /**
   * The comparison key of a checked value: the type's clean value ({@code country} is the hint for
   * local phone numbers, e.g. the border post's country), case-folded for names.
   */
  public Cleaned key(String raw, String country) {
    Set<String> hint = country == null || country.isBlank() ? Set.of() : Set.of(country.toLowerCase(Locale.ROOT));
    Cleaned c = type.clean(raw, new CleaningContext(hint, format));
    if (c instanceof Cleaned.Valid v && this == NAME) return Cleaned.valid(fold(v.value()));
    return c;
  }

  /** The comparison key of a value as stored (already clean). */
  public String storedKey(String clean) {
    return this == NAME ? fold(clean) : clean;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public static CheckKind parse(String raw) {
    return Enums.parse(CheckKind.class, raw, "kind");
  }
}
