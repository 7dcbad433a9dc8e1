package org.mirabella.scenario;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/**
 * Makes identifiers that are valid the way real ones are, and unique within a scenario: phone numbers
 * valid under libphonenumber's plan for their country, IBANs with correct check digits (iban4j),
 * IMO numbers with their check digit, MMSIs with a real maritime identification digit, passport numbers
 * and their machine-readable zone with ICAO 9303 check digits, vehicle plates in national styles, crypto
 * addresses. Uniqueness comes from per-kind counters spread by a bijection over the number space, so
 * the instance must be used in one fixed order (the generator makes networks one after the other).
 */
public final class Identifiers {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final Map<String, String> MID = Map.ofEntries(Map.entry("ly", "642"), Map.entry("tn", "672"),
      Map.entry("tr", "271"), Map.entry("it", "247"), Map.entry("eg", "622"), Map.entry("pa", "352"), Map.entry("gr", "237"),
      Map.entry("gb", "232"), Map.entry("fr", "227"), Map.entry("tg", "671"), Map.entry("sl", "667"), Map.entry("co", "730"));

  private final Map<String, Long> counters = new HashMap<>();
  private final Map<String, long[]> phonePlans = new HashMap<>();

  private long next(String kind) {
    return counters.merge(kind, 1L, Long::sum) - 1;
  }

  /** Spreads a counter over [0, 10^digits) by an affine bijection, so numbers do not look sequential. */
  private static long spread(long n, int digits, String kind) {
    long mod = 1;
    for (int i = 0; i < digits; i++) mod *= 10;
    long offset = Math.floorMod(Seeds.mix(kind.hashCode()), mod);
    return Math.floorMod(n % mod * 7_919_777L % mod + offset, mod);
  }

  /** A new valid mobile number of a country, in E.164. */
  public String phone(String country) {
    return PHONES.format(phoneNumber(country), PhoneNumberFormat.E164);
  }

  /** A new valid mobile number of a country (or of the UK where libphonenumber has no plan for it). */
  public PhoneNumber phoneNumber(String country) {
    String region = country.toUpperCase(Locale.ROOT);
    long[] plan = phonePlans.computeIfAbsent(region, r -> {
      PhoneNumber ex = PHONES.getExampleNumberForType(r, PhoneNumberType.MOBILE);
      if (ex == null) return null;
      String nsn = PHONES.getNationalSignificantNumber(ex);
      int free = Math.min(8, nsn.length() - Math.max(1, nsn.length() - 8));
      long prefix = Long.parseLong(nsn.substring(0, nsn.length() - free));
      return new long[] {ex.getCountryCode(), prefix, free};
    });
    if (plan == null) return phoneNumber("gb");
    for (int attempt = 0; attempt < 10_000; attempt++) {
      long sub = spread(next("phone:" + region), (int) plan[2], region);
      long national = plan[1] * pow10((int) plan[2]) + sub;
      PhoneNumber n = new PhoneNumber().setCountryCode((int) plan[0]).setNationalNumber(national);
      if (PHONES.isValidNumberForRegion(n, region)) return n;
    }
    throw new IllegalStateException("no valid phone number found for " + region);
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) p *= 10;
    return p;
  }

  /** A valid IBAN of a country (iban4j computes the check digits). */
  public String iban(String country, SplittableRandom rnd) {
    CountryCode cc = CountryCode.getByCode(country.toUpperCase(Locale.ROOT));
    if (cc == null) cc = CountryCode.DE;
    next("iban");
    try {
      return new Iban.Builder(new Random(rnd.nextLong())).countryCode(cc).buildRandom().toString();
    } catch (RuntimeException e) {
      return new Iban.Builder(new Random(rnd.nextLong())).countryCode(CountryCode.DE).buildRandom().toString();
    }
  }

  /** An IMO ship number with a correct check digit: {@code IMO9xxxxxx}. */
  public String imo() {
    long six = 800_000 + Math.floorMod(next("imo") * 7_777L + 1234, 200_000);
    return "IMO" + six + imoCheck(String.valueOf(six));
  }

  static int imoCheck(String six) {
    int sum = 0;
    for (int i = 0; i < 6; i++) sum += (six.charAt(i) - '0') * (7 - i);
    return sum % 10;
  }

  /** An MMSI: the flag's maritime identification digits and six more. */
  public String mmsi(String flag) {
    return MID.getOrDefault(flag, "667") + String.format("%06d", spread(next("mmsi"), 6, "mmsi"));
  }

  /** A passport number: two letters and seven digits (nine characters, as the MRZ holds). */
  public String passport(String country) {
    long n = spread(next("passport:" + country), 9, country);
    char a = (char) ('A' + (n / 10_000_000) % 26);
    char b = (char) ('A' + (n / 100_000_000 + country.charAt(0)) % 26);
    return "" + a + b + String.format("%07d", n % 10_000_000);
  }

  /**
   * The second line of a passport's machine-readable zone (ICAO 9303 TD3, 44 characters) with its
   * check digits; {@code forged} makes the document number's check digit wrong, as crude forgeries do.
   */
  public static String mrz(String number, String nationality, LocalDate birth, String gender, LocalDate expiry, boolean forged) {
    String doc = (number + "<<<<<<<<<").substring(0, 9);
    int docCheck = check(doc);
    if (forged) docCheck = (docCheck + 1 + (number.length() % 8)) % 10;
    String nat = alpha3(nationality);
    String dob = birth == null ? "<<<<<<" : yymmdd(birth);
    String exp = yymmdd(expiry);
    String personal = "<<<<<<<<<<<<<<";
    String composite = doc + docCheck + dob + check(dob) + exp + check(exp) + personal + check(personal);
    return doc + docCheck + nat + dob + check(dob) + (gender.equals("female") ? "F" : "M") + exp + check(exp)
        + personal + check(personal) + check(composite);
  }

  static String alpha3(String country) {
    try {
      return Locale.of("", country.toUpperCase(Locale.ROOT)).getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return "XXX";
    }
  }

  private static String yymmdd(LocalDate d) {
    return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
  }

  /** ICAO 9303 check digit: weights 7, 3, 1; letters A=10..Z=35; filler 0. */
  static int check(String s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : 0;
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  /** A vehicle plate in the country's style. */
  public String plate(String country) {
    long n = spread(next("plate:" + country), 7, "plate" + country);
    String l = letters(n, 4);
    String d = String.format("%07d", n);
    return switch (country) {
      case "it" -> l.substring(0, 2) + d.substring(0, 3) + l.substring(2, 4);
      case "de" -> "M-" + l.substring(0, 2) + " " + d.substring(0, 4);
      case "fr" -> l.substring(0, 2) + "-" + d.substring(0, 3) + "-" + l.substring(2, 4);
      case "gb" -> l.substring(0, 2) + d.substring(0, 2) + " " + l.substring(1, 4);
      case "tr" -> "34 " + l.substring(0, 3) + " " + d.substring(0, 3);
      case "us" -> l.substring(0, 3) + "-" + d.substring(0, 4);
      case "mx" -> l.substring(0, 3) + "-" + d.substring(0, 3) + "-" + l.charAt(3);
      case "rs" -> "BG" + d.substring(0, 3) + l.substring(0, 2);
      case "gr" -> l.substring(0, 3) + "-" + d.substring(0, 4);
      case "be" -> "1-" + l.substring(0, 3) + "-" + d.substring(0, 3);
      case "ca" -> l + " " + d.substring(0, 3);
      default -> l.substring(0, 3) + d.substring(0, 4);
    };
  }

  private static String letters(long n, int k) {
    StringBuilder sb = new StringBuilder();
    long v = n;
    for (int i = 0; i < k; i++) {
      sb.append((char) ('A' + v % 23 + (v % 23 >= 8 ? 1 : 0) + (v % 23 >= 13 ? 1 : 0) + (v % 23 >= 15 ? 1 : 0)));
      v = v / 23 + i * 7;
    }
    return sb.toString();
  }

  /**
   * A crypto address: Ethereum ({@code 0x} and 40 hex digits, lower case: no EIP-55 checksum) or Tron
   * (Base58Check of version 0x41 and 20 bytes, with its double SHA-256 checksum).
   */
  public String wallet(SplittableRandom rnd) {
    next("wallet");
    if (rnd.nextBoolean()) {
      return "0x" + String.format("%016x%016x%08x", rnd.nextLong(), rnd.nextLong(), rnd.nextInt());
    }
    byte[] raw = new byte[25];
    raw[0] = 0x41;
    for (int i = 1; i < 21; i++) raw[i] = (byte) rnd.nextInt(256);
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(raw, 0, 21);
      byte[] check = sha.digest(sha.digest());
      System.arraycopy(check, 0, raw, 21, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    java.math.BigInteger n = new java.math.BigInteger(1, raw);
    StringBuilder sb = new StringBuilder();
    java.math.BigInteger base = java.math.BigInteger.valueOf(58);
    while (n.signum() > 0) {
      java.math.BigInteger[] qr = n.divideAndRemainder(base);
      sb.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    return sb.reverse().toString();
  }

  /** A number in national or international format. */
  static String format(PhoneNumber n, boolean international) {
    return PHONES.format(n, international ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
  }

  /** A new mobile phone of a country, as the truth holds it. */
  World.Phone phone(String id, String country) {
    PhoneNumber n = phoneNumber(country);
    String region = PHONES.getRegionCodeForNumber(n);
    return new World.Phone(id, n, region == null ? null : region.toLowerCase(Locale.ROOT));
  }

  /** A number in the national format of its country ({@code 0176 23423980}). */
  public static String national(String e164) {
    try {
      return PHONES.format(PHONES.parse(e164, "ZZ"), PhoneNumberFormat.NATIONAL);
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return e164;
    }
  }

  /** A number in international format with spaces ({@code +49 176 23423980}). */
  public static String international(String e164) {
    try {
      return PHONES.format(PHONES.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return e164;
    }
  }
}
