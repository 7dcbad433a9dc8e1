package org.mirabella.model.types;

import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * IBANs, validated by iban4j (the country's length and format, mod-97 check digits), stored in
 * upper case without spaces. For a country in the IBAN registry that iban4j does not yet know
 * (Libya joined in 2023), the mod-97 check digits are verified without the country's format.
 */
public class IbanType implements PropertyType {
  @Override
  public String name() {
    return "iban";
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
    return 40;
  }

  @Override
  public Cleaned clean(String raw, CleaningContext context) {
    return validate(raw);
  }

  static Cleaned validate(String raw) {
    if (raw == null || raw.isBlank()) return Cleaned.invalid("empty IBAN");
    String v = raw.replaceAll("[\\s\\-.:]", "").toUpperCase(Locale.ROOT);
    if (v.startsWith("IBAN")) v = v.substring(4);
    if (!v.matches("[A-Z]{2}\\d{2}[A-Z0-9]{1,30}")) {
      return Cleaned.invalid("not an IBAN (country code, two check digits, up to 30 letters and digits): '" + raw.strip() + "'");
    }
    String country = v.substring(0, 2);
    try {
      IbanUtil.validate(v);
      return Cleaned.valid(v);
    } catch (InvalidCheckDigitException e) {
      return Cleaned.invalid("IBAN check digits wrong: '" + raw.strip() + "'");
    } catch (UnsupportedCountryException e) {
      if (!CountryType.codes().contains(country.toLowerCase(Locale.ROOT))) return unknownCountry(country, raw);
      return checkDigits(v) ? Cleaned.valid(v) : Cleaned.invalid("IBAN check digits wrong: '" + raw.strip() + "'");
    } catch (IbanFormatException e) {
      return switch (e.getFormatViolation()) {
        case COUNTRY_CODE_EXISTS -> unknownCountry(country, raw);
        case BBAN_LENGTH -> Cleaned.invalid("IBAN of the wrong length for " + country + ": '" + raw.strip() + "'");
        default -> Cleaned.invalid("not a valid IBAN: '" + raw.strip() + "' (" + e.getMessage() + ")");
      };
    }
  }

  private static Cleaned unknownCountry(String country, String raw) {
    return Cleaned.invalid("IBAN of unknown country '" + country + "': '" + raw.strip() + "'");
  }

  /** ISO 13616: the country code and check digits moved to the end, the whole is 1 modulo 97. */
  private static boolean checkDigits(String iban) {
    return IdentifierFormats.mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
  }
}
