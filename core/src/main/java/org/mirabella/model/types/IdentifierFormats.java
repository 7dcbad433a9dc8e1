package org.mirabella.model.types;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validators for identifier formats, by the FtM {@code format} name plus Mirabella's own
 * ({@code passport}, {@code nationalId}, {@code mmsi}, {@code plate}, {@code crypto}). Each takes a
 * raw value and returns the canonical form or the reason it is not one. Check-digit algorithms (IMO,
 * LEI, ISIN, MMSI range) are a few lines each and have no maintained Java library of their own,
 * so they are written here.
 */
final class IdentifierFormats {
  private static final Pattern ALNUM = Pattern.compile("[A-Z0-9]+");
  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final Pattern BTC = Pattern.compile("(bc1[a-z0-9]{25,62}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})");
  private static final Pattern ETH = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern TRON = Pattern.compile("T[a-km-zA-HJ-NP-Z1-9]{33}");

  static final Map<String, Function<String, Cleaned>> FORMATS = Map.ofEntries(
      Map.entry("imo", IdentifierFormats::imo),
      Map.entry("mmsi", IdentifierFormats::mmsi),
      Map.entry("iban", IbanType::validate),
      Map.entry("bic", IdentifierFormats::bic),
      Map.entry("lei", IdentifierFormats::lei),
      Map.entry("isin", IdentifierFormats::isin),
      Map.entry("passport", v -> alnum(v, 5, 20, "passport number")),
      Map.entry("nationalId", v -> alnum(v, 4, 24, "national ID number")),
      Map.entry("plate", IdentifierFormats::plate),
      Map.entry("crypto", IdentifierFormats::crypto),
      Map.entry("qid", v -> v.strip().matches("Q\\d+") ? Cleaned.valid(v.strip()) : Cleaned.invalid("not a Wikidata id: '" + v.strip() + "'")));

  private IdentifierFormats() {}

  /** Upper case, without spaces, dashes, dots and slashes. */
  static String compact(String raw) {
    return raw.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
  }

  /** IMO ship number: 7 digits, the last a check digit (sum of digit i times 7..2, mod 10). */
  static Cleaned imo(String raw) {
    String v = compact(raw);
    if (v.startsWith("IMO")) v = v.substring(3);
    if (!v.matches("\\d{7}")) return Cleaned.invalid("an IMO number has 7 digits: '" + raw.strip() + "'");
    int sum = 0;
    for (int i = 0; i < 6; i++) sum += (v.charAt(i) - '0') * (7 - i);
    if (sum % 10 != v.charAt(6) - '0') return Cleaned.invalid("IMO check digit wrong: '" + raw.strip() + "'");
    return Cleaned.valid("IMO" + v);
  }

  /** MMSI: 9 digits; a ship station's first digit (the MID's) is 2 to 7. */
  static Cleaned mmsi(String raw) {
    String v = compact(raw);
    if (!v.matches("\\d{9}")) return Cleaned.invalid("an MMSI has 9 digits: '" + raw.strip() + "'");
    char first = v.charAt(0);
    if (first < '0' || first == '1') return Cleaned.invalid("not an MMSI (no station type starts with 1): '" + raw.strip() + "'");
    return Cleaned.valid(v);
  }

  static Cleaned bic(String raw) {
    String v = compact(raw);
    if (!BIC.matcher(v).matches()) return Cleaned.invalid("not a BIC: '" + raw.strip() + "'");
    if (!CountryType.codes().contains(v.substring(4, 6).toLowerCase(Locale.ROOT))) {
      return Cleaned.invalid("BIC with unknown country '" + v.substring(4, 6) + "': '" + raw.strip() + "'");
    }
    return Cleaned.valid(v.endsWith("XXX") && v.length() == 11 ? v.substring(0, 8) : v);
  }

  /** LEI (ISO 17442): 20 characters, ISO 7064 mod 97-10 over the letters as numbers. */
  static Cleaned lei(String raw) {
    String v = compact(raw);
    if (!v.matches("[A-Z0-9]{18}\\d{2}")) return Cleaned.invalid("a LEI has 20 characters: '" + raw.strip() + "'");
    return mod97(v) == 1 ? Cleaned.valid(v) : Cleaned.invalid("LEI check digits wrong: '" + raw.strip() + "'");
  }

  /** ISIN: 2 letters, 9 alphanumerics, a Luhn check digit over the letters as numbers. */
  static Cleaned isin(String raw) {
    String v = compact(raw);
    if (!v.matches("[A-Z]{2}[A-Z0-9]{9}\\d")) return Cleaned.invalid("not an ISIN: '" + raw.strip() + "'");
    StringBuilder digits = new StringBuilder();
    for (char c : v.toCharArray()) digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0 ? Cleaned.valid(v) : Cleaned.invalid("ISIN check digit wrong: '" + raw.strip() + "'");
  }

  static Cleaned plate(String raw) {
    String v = compact(raw);
    if (v.length() < 2 || v.length() > 12 || !v.codePoints().allMatch(Character::isLetterOrDigit)) {
      return Cleaned.invalid("not a vehicle plate: '" + raw.strip() + "'");
    }
    return Cleaned.valid(v);
  }

  static Cleaned crypto(String raw) {
    String v = raw.strip();
    if (ETH.matcher(v).matches()) return Cleaned.valid(v.toLowerCase(Locale.ROOT));
    if (BTC.matcher(v).matches() || TRON.matcher(v).matches()) return Cleaned.valid(v);
    return Cleaned.invalid("not a Bitcoin, Ethereum or Tron address: '" + v + "'");
  }

  private static Cleaned alnum(String raw, int min, int max, String what) {
    String v = compact(raw);
    if (!ALNUM.matcher(v).matches() || v.length() < min || v.length() > max) {
      return Cleaned.invalid("not a " + what + " (" + min + " to " + max + " letters and digits): '" + raw.strip() + "'");
    }
    return Cleaned.valid(v);
  }

  private static int mod97(String v) {
    int r = 0;
    for (char c : v.toCharArray()) {
      String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
      for (char d : part.toCharArray()) r = (r * 10 + (d - '0')) % 97;
    }
    return r;
  }
}
