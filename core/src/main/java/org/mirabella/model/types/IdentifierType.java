package org.mirabella.model.types;

import java.util.function.Function;

/**
 * Identifiers (passport and ID numbers, registration numbers, IMO, MMSI, IBAN, BIC, plates, crypto
 * addresses). With a known {@code format} on the property the value must pass that format's check
 * and takes its canonical form; without one it is compacted (upper case, no spaces, dashes, dots
 * or slashes) so that {@code ya 123-4567} and {@code YA1234567} are the same number. A crypto-currency
 * address is recognised by its checksum even without a format ({@code CryptoWallet.publicKey} has
 * none in FtM) and keeps its case, which Base58 needs.
 */
public class IdentifierType implements PropertyType {
  @Override
  public String name() {
    return "identifier";
  }

  @Override
  public boolean matchable() {
    return true;
  }

  @Override
  public boolean pivot() {
    return true;
  }

  @Override
  public int maxLength() {
    return 64;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty identifier");
    Function<String, Cleaned> format = context.format() == null ? null : IdentifierFormats.FORMATS.get(context.format());
    if (format != null) return format.apply(raw);
    Cleaned crypto = IdentifierFormats.crypto(raw);
    if (crypto.isValid()) return crypto; // case matters in Base58: upper-casing would make it another address
    String v = IdentifierFormats.compact(raw);
    if (v.isEmpty() || v.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Cleaned.invalid("identifier without letters or digits: '" + raw.strip() + "'");
    }
    if (v.length() > maxLength()) return Cleaned.invalid("identifier longer than " + maxLength() + " characters");
    return Cleaned.valid(v);
  }

  /** Whether a format name is known to this type. */
  public static boolean knowsFormat(String format) {
    return IdentifierFormats.FORMATS.containsKey(format);
  }
}
