package org.mirabella.ingest;

import java.time.Instant;
import java.util.Objects;
import org.mirabella.provenance.Grading;
import org.mirabella.provenance.HandlingCode;

/**
 * What an import adds to every statement unless the mapping says otherwise per row: owning agency
 * and case, default handling code (with its H3 condition) and grading, who imports and when.
 */
public record ImportSettings(String agency, String caseRef, HandlingCode handling, String handlingCondition,
    Grading grade, String recordedBy, Instant recordedAt) {
  public ImportSettings {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(caseRef, "caseRef");
    handling = handling == null ? HandlingCode.H0 : handling;
    grade = grade == null ? Grading.UNASSESSED : grade;
    recordedAt = recordedAt == null ? Instant.now() : recordedAt;
  }

  public static ImportSettings of(String agency, String caseRef) {
    return new ImportSettings(agency, caseRef, null, null, null, null, null);
  }
}
