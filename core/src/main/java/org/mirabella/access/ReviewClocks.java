package org.mirabella.access;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.mirabella.model.InvalidData;
import org.mirabella.provenance.SubjectCategory;

/**
 * How long a record is kept before it must be reviewed, by data-subject category. Defaults follow the
 * spirit of Europol's rules (suspects 3 years, everyone else 1 year); each can be overridden, e.g. by
 * {@code MIRABELLA_REVIEW_SUSPECT=P5Y} (ISO-8601 period).
 */
public final class ReviewClocks {
  private final Map<SubjectCategory, Period> periods;

  public ReviewClocks(Map<SubjectCategory, Period> overrides) {
    Map<SubjectCategory, Period> m = new EnumMap<>(SubjectCategory.class);
    for (SubjectCategory c : SubjectCategory.values()) m.put(c, c.defaultReview());
    overrides.forEach((c, p) -> {
      if (p.isNegative() || p.isZero()) throw new InvalidData("Bad review period", Map.of(c.code(), p + " is not positive"));
      m.put(c, p);
    });
    this.periods = Map.copyOf(m);
  }

  public static ReviewClocks defaults() {
    return new ReviewClocks(Map.of());
  }

  /** Overrides from a lookup such as {@code System::getenv}: {@code MIRABELLA_REVIEW_<CATEGORY>}. */
  public static ReviewClocks from(Function<String, String> env) {
    Map<SubjectCategory, Period> o = new EnumMap<>(SubjectCategory.class);
    for (SubjectCategory c : SubjectCategory.values()) {
      String key = "MIRABELLA_REVIEW_" + c.name();
      String v = env.apply(key);
      if (v == null || v.isBlank()) continue;
      try {
        o.put(c, Period.parse(v.strip()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidData("Bad review period", Map.of(key, "'" + v + "' is not an ISO-8601 period such as P3Y"));
      }
    }
    return new ReviewClocks(o);
  }

  public Period period(SubjectCategory c) {
    return periods.get(c);
  }

  /** The next review date of a record of category {@code c} reviewed (or stored) on {@code from}. */
  public LocalDate next(SubjectCategory c, LocalDate from) {
    return from.plus(period(c));
  }
}
