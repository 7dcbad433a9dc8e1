package org.mirabella.provenance;

import java.time.Instant;
import java.util.Map;
import org.mirabella.model.InvalidData;

/**
 * Where a fact comes from and how it may be used: the owning agency and case, the handling code
 * (with the H3 condition), the grading, the source (file or system), who recorded it and when.
 */
public record Provenance(String agency, String caseRef, HandlingCode handling, String handlingCondition,
    Grading grading, String source, String recordedBy, Instant recordedAt) {

  public Provenance {
    if (agency == null || agency.isBlank()) throw new InvalidData("Bad provenance", Map.of("agency", "required"));
    if (caseRef == null || caseRef.isBlank()) throw new InvalidData("Bad provenance", Map.of("case", "required"));
    handling = handling == null ? HandlingCode.H0 : handling;
    grading = grading == null ? Grading.UNASSESSED : grading;
    recordedAt = recordedAt == null ? Instant.now() : recordedAt;
    if (handling == HandlingCode.H3 && (handlingCondition == null || handlingCondition.isBlank())) {
      throw new InvalidData("Bad handling code", Map.of("handling", "H3 needs a condition that every reader will see"));
    }
  }

  public static Provenance of(String agency, String caseRef) {
    return new Provenance(agency, caseRef, HandlingCode.H0, null, Grading.UNASSESSED, null, null, null);
  }

  public Provenance withHandling(HandlingCode code, String condition) {
    return new Provenance(agency, caseRef, code, condition, grading, source, recordedBy, recordedAt);
  }

  public Provenance withGrading(Grading g) {
    return new Provenance(agency, caseRef, handling, handlingCondition, g, source, recordedBy, recordedAt);
  }

  public Provenance withSource(String s) {
    return new Provenance(agency, caseRef, handling, handlingCondition, grading, s, recordedBy, recordedAt);
  }

  public Provenance recordedBy(String user, Instant at) {
    return new Provenance(agency, caseRef, handling, handlingCondition, grading, source, user, at);
  }
}
