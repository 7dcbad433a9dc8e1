package org.mirabella.actions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;
import org.mirabella.model.types.Types;

/**
 * One result of an operation reported by one agency, as data so results sum across operations:
 * {@code count} persons or items of one {@link Kind}, optionally naming the {@code subject} (the
 * person arrested, the victim, the vessel seized) by entity id. A named subject counts once however
 * many agencies report it (see {@link OutcomeTotals}); an unnamed report counts its {@code count}.
 * Victims reported as {@code minor} are counted apart as children. Seized assets carry an amount and
 * its ISO 4217 currency.
 */
public record Outcome(String id, String operationId, String agency, Kind kind, String subject, int count,
    boolean minor, BigDecimal amount, String currency, String country, LocalDate date, String description,
    String recordedBy, Instant recordedAt) {

  /** What was achieved. Person kinds count people; the others count items or cases. */
  public enum Kind {
    ARREST(true), VICTIM_IDENTIFIED(true), VICTIM_SAFEGUARDED(true), SUSPECT_IDENTIFIED(true),
    DOCUMENT_SEIZED(false), ASSET_SEIZED(false), INVESTIGATION_OPENED(false);

    private final boolean person;

    Kind(boolean person) {
      this.person = person;
    }

    /** Whether this kind counts people (and so may be a child, and must not be counted twice). */
    public boolean person() {
      return person;
    }

    public boolean victim() {
      return this == VICTIM_IDENTIFIED || this == VICTIM_SAFEGUARDED;
    }

    public static Kind parse(String raw) {
      return Enums.parse(Kind.class, raw, "kind");
    }
  }

  public Outcome {
    Map<String, String> errors = new LinkedHashMap<>();
    if (agency == null || Agencies.get().find(agency) == null) errors.put("agency", "'" + agency + "' is not a known agency");
    if (kind == null) errors.put("kind", "required");
    if (subject != null && subject.isBlank()) subject = null;
    if (subject != null && count != 1) errors.put("count", "a report naming its subject counts 1, not " + count);
    if (count < 1) errors.put("count", "at least 1");
    if (minor && kind != null && !kind.victim()) errors.put("minor", "only victims are counted apart as children");
    if (kind == Kind.ASSET_SEIZED) {
      if (amount == null) errors.put("amount", "required for a seized asset");
      else if (amount.signum() < 0) errors.put("amount", "negative");
      if (currency == null || !Types.CURRENCY.clean(currency).isValid()) errors.put("currency", "an ISO 4217 code is required, got '" + currency + "'");
    } else if (amount != null) {
      errors.put("amount", "only seized assets have an amount");
    }
    if (country != null && !country.isBlank()) {
      var c = Types.COUNTRY.clean(country);
      if (c.isValid()) country = c.value();
      else errors.put("country", "'" + country + "' is not a country");
    } else {
      country = null;
    }
    if (!errors.isEmpty()) throw new InvalidData("Invalid outcome", errors);
    agency = Agencies.get().require(agency).code();
    if (currency != null) currency = Types.CURRENCY.clean(currency).value();
    if (kind != Kind.ASSET_SEIZED) currency = null;
    recordedAt = recordedAt == null ? Instant.now() : recordedAt;
  }

  /** A person outcome naming its subject. */
  public static Outcome person(String operationId, String agency, Kind kind, String subject, boolean minor, String country,
      LocalDate date) {
    return new Outcome(null, operationId, agency, kind, subject, 1, minor, null, null, country, date, null, null, null);
  }

  /** An outcome of {@code count} unnamed persons or items. */
  public static Outcome counted(String operationId, String agency, Kind kind, int count, String country, LocalDate date) {
    return new Outcome(null, operationId, agency, kind, null, count, false, null, null, country, date, null, null, null);
  }

  /** A seized asset (cash, vehicle, account balance) with its value; {@code subject} may name the asset entity. */
  public static Outcome asset(String operationId, String agency, String subject, BigDecimal amount, String currency,
      String country, LocalDate date) {
    return new Outcome(null, operationId, agency, Kind.ASSET_SEIZED, subject, 1, false, amount, currency, country, date,
        null, null, null);
  }

  public Outcome withId(String newId) {
    return new Outcome(newId, operationId, agency, kind, subject, count, minor, amount, currency, country, date,
        description, recordedBy, recordedAt);
  }

  public String kindCode() {
    return Enums.code(kind).toLowerCase(Locale.ROOT);
  }
}
