package org.mirabella.model.types;

import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/** IBANs, validated by iban4j (country format and mod-97 check digits), stored without spaces. */
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
    String v = raw.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
    if (v.startsWith("IBAN")) v = v.substring(4);
    try {
      IbanUtil.validate(v);
      return Cleaned.valid(v);
    } catch (InvalidCheckDigitException e) {
      return Cleaned.invalid("IBAN check digits wrong: '" + raw.strip() + "'");
    } catch (UnsupportedCountryException e) {
      return Cleaned.invalid("IBAN of unknown country: '" + raw.strip() + "'");
    } catch (IbanFormatException e) {
      return Cleaned.invalid("not a valid IBAN: '" + raw.strip() + "' (" + e.getMessage() + ")");
    }
  }
}
