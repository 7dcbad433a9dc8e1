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
  private static final Pattern BTC = Pattern.compile("[13][a-km-zA-HJ-NP-Z1-9]{25,34}");
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
      Map.entry("qid", v -> v.strip().matches("[Qq][1-9]\\d*") ? Cleaned.valid(v.strip().toUpperCase(Locale.ROOT))
          : Cleaned.invalid("not a Wikidata id: '" + v.strip() + "'")));

  private IdentifierFormats() {}

  /** Upper case, ASCII digits, without spaces, dashes, dots and slashes. */
  static String compact(String raw) {
    return StringType.asciiDigits(raw).replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
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

  /**
   * MMSI (ITU-R M.585): 9 digits whose leading digits say what the station is and where the
   * Maritime Identification Digits (MID, 201 to 775) sit: a ship {@code MIDxxxxxx}, a group of
   * ships {@code 0MIDxxxxx}, a coast station {@code 00MIDxxxx}, a SAR aircraft {@code 111MIDxxx},
   * a handheld radio {@code 8MIDxxxxx}, a craft associated with a ship {@code 98MIDxxxx}, an aid to
   * navigation {@code 99MIDxxxx}; AIS-SART, MOB and EPIRB-AIS devices ({@code 970}, {@code 972},
   * {@code 974}) carry no MID.
   */
  static Cleaned mmsi(String raw) {
    String v = compact(raw);
    if (v.startsWith("MMSI")) v = v.substring(4);
    if (!v.matches("\\d{9}")) return Cleaned.invalid("an MMSI has 9 digits: '" + raw.strip() + "'");
    if (v.matches("97[024]\\d{6}")) return Cleaned.valid(v);
    int at = midPosition(v);
    if (at < 0) return Cleaned.invalid("not an MMSI (no station type starts " + v.substring(0, 3) + "): '" + raw.strip() + "'");
    int mid = Integer.parseInt(v.substring(at, at + 3));
    if (mid < 201 || mid > 775) return Cleaned.invalid("not an MMSI (no country has MID " + mid + "): '" + raw.strip() + "'");
    return Cleaned.valid(v);
  }

  /** Where the MID starts in an MMSI, by station type; -1 for no known type. */
  private static int midPosition(String v) {
    if (v.startsWith("00") || v.startsWith("98") || v.startsWith("99")) return 2;
    if (v.startsWith("111")) return 3;
    if (v.startsWith("0") || v.startsWith("8")) return 1;
    return v.charAt(0) >= '2' && v.charAt(0) <= '7' ? 0 : -1;
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

  /**
   * Crypto-currency addresses, with their checksums verified so that a mistyped address is
   * rejected rather than linked: Bitcoin legacy and P2SH (Base58Check, versions 0 and 5), Bitcoin
   * SegWit and Taproot (Bech32 and Bech32m, BIP 173 and 350; stored in lower case), Tron (Base58Check,
   * version 0x41) and Ethereum (40 hex digits, stored in lower case; its mixed-case EIP-55 checksum
   * needs Keccak-256, which the JDK lacks, so it is not verified).
   */
  static Cleaned crypto(String raw) {
    String v = raw.strip();
    if (ETH.matcher(v).matches()) return Cleaned.valid(v.toLowerCase(Locale.ROOT));
    if (v.equals(v.toUpperCase(Locale.ROOT)) || v.equals(v.toLowerCase(Locale.ROOT))) {
      String lower = v.toLowerCase(Locale.ROOT);
      if (lower.startsWith("bc1")) {
        return CryptoChecksums.bech32(lower, "bc") ? Cleaned.valid(lower)
            : Cleaned.invalid("Bitcoin address checksum wrong: '" + v + "'");
      }
    }
    if (BTC.matcher(v).matches()) {
      int version = v.charAt(0) == '1' ? 0 : 5;
      return CryptoChecksums.base58Check(v, version) ? Cleaned.valid(v)
          : Cleaned.invalid("Bitcoin address checksum wrong: '" + v + "'");
    }
    if (TRON.matcher(v).matches()) {
      return CryptoChecksums.base58Check(v, 0x41) ? Cleaned.valid(v) : Cleaned.invalid("Tron address checksum wrong: '" + v + "'");
    }
    return Cleaned.invalid("not a Bitcoin, Ethereum or Tron address: '" + v + "'");
  }

  private static Cleaned alnum(String raw, int min, int max, String what) {
    String v = compact(raw);
    if (!ALNUM.matcher(v).matches() || v.length() < min || v.length() > max) {
      return Cleaned.invalid("not a " + what + " (" + min + " to " + max + " letters and digits): '" + raw.strip() + "'");
    }
    return Cleaned.valid(v);
  }

  /** The remainder modulo 97 of a string of digits and letters (A = 10 … Z = 35), as ISO 7064 reads it. */
  static int mod97(String v) {
    int r = 0;
    for (char c : v.toCharArray()) {
      String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
      for (char d : part.toCharArray()) r = (r * 10 + (d - '0')) % 97;
    }
    return r;
  }
}
