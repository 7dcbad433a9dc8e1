package org.mirabella.actions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;

/** A task of one agency within an operation (arrest, search, interview, ...), with its status. */
public record Task(String id, String operationId, String agency, Kind kind, String description, String target,
    Status status, String updatedBy, Instant updatedAt) {

  /** What kind of work a task is. */
  public enum Kind { ARREST, SEARCH, INTERVIEW, FINANCIAL_INVESTIGATION, VICTIM_SAFEGUARDING;

    public static Kind parse(String raw) {
      return Enums.parse(Kind.class, raw, "kind");
    }
  }

  /** A task's progress. */
  public enum Status { PLANNED, IN_PROGRESS, DONE, FAILED, CANCELLED;

    public static Status parse(String raw) {
      return Enums.parse(Status.class, raw, "status");
    }
  }

  public Task {
    Map<String, String> errors = new LinkedHashMap<>();
    if (agency == null || Agencies.get().find(agency) == null) errors.put("agency", "'" + agency + "' is not a known agency");
    if (kind == null) errors.put("kind", "required");
    if (!errors.isEmpty()) throw new InvalidData("Invalid task", errors);
    agency = Agencies.get().require(agency).code();
    status = status == null ? Status.PLANNED : status;
    updatedAt = updatedAt == null ? Instant.now() : updatedAt;
  }

  public Task withStatus(Status s, String by, Instant at) {
    return new Task(id, operationId, agency, kind, description, target, s, by, at);
  }
}
