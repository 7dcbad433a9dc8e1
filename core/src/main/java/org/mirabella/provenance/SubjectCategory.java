package org.mirabella.provenance;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * The data subject's category. It sets the default review period (in the spirit of Europol's
 * rules: suspects after 3 years, others after 1) and, for victims, shields the record.
 */
public enum SubjectCategory {
  SUSPECT(Period.ofYears(3)),
  VICTIM(Period.ofYears(1)),
  WITNESS(Period.ofYears(1)),
  CONTACT(Period.ofYears(1)),
  INFORMANT(Period.ofYears(1)),
  OTHER(Period.ofYears(1));

  private final Period defaultReview;

  SubjectCategory(Period defaultReview) {
    this.defaultReview = defaultReview;
  }

  public Period defaultReview() {
    return defaultReview;
  }

  /** The review date for a record of this category stored on {@code stored}. */
  public LocalDate reviewDate(LocalDate stored) {
    return stored.plus(defaultReview);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubjectCategory parse(String raw) {
    if (raw == null || raw.isBlank()) return OTHER;
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidData("Bad data-subject category", Map.of("category",
          "'" + raw.strip() + "' is not one of suspect, victim, witness, contact, informant, other"));
    }
  }
}
