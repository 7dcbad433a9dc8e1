package org.mirabella.actions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirabella.agency.Agencies;
import org.mirabella.model.InvalidData;

/**
 * A joint action day (or days), like Europol's EMPACT action days: a period, a lead agency, the
 * participating agencies (G7 units and partners), the objectives and the target list (entity ids).
 * Tasks, the coordination log, field checks and outcomes hang off it by its id.
 */
public record Operation(String id, String name, LocalDate start, LocalDate end, String leadAgency,
    Set<String> participants, List<String> objectives, List<String> targets, Status status) {

  /** Where an operation stands. */
  public enum Status { PLANNED, ACTIVE, COMPLETED, CANCELLED;

    public static Status parse(String raw) {
      return Enums.parse(Status.class, raw, "status");
    }
  }

  /** Validates and normalises; the lead is always a participant, listed first, the others in order of code. Errors name each bad field. */
  public Operation {
    Map<String, String> errors = new LinkedHashMap<>();
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) errors.put("id", "letters, digits, '.', '_' or '-', at most 64");
    if (name == null || name.isBlank()) errors.put("name", "required");
    if (start == null) errors.put("start", "required");
    if (end == null) errors.put("end", "required");
    if (start != null && end != null && end.isBefore(start)) errors.put("end", "before the start " + start);
    if (leadAgency == null || Agencies.get().find(leadAgency) == null) errors.put("leadAgency", "'" + leadAgency + "' is not a known agency");
    Set<String> ps = new LinkedHashSet<>();
    if (leadAgency != null) ps.add(leadAgency.toUpperCase(Locale.ROOT));
    for (String p : participants == null ? List.<String>of() : participants.stream().map(x -> x == null ? "" : x.toUpperCase(Locale.ROOT)).sorted().toList()) {
      if (Agencies.get().find(p) == null) errors.put("participants", "'" + p + "' is not a known agency");
      else ps.add(p.toUpperCase(Locale.ROOT));
    }
    if (!errors.isEmpty()) throw new InvalidData("Invalid operation", errors);
    leadAgency = leadAgency.toUpperCase(Locale.ROOT);
    name = name.strip();
    participants = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ps));
    objectives = objectives == null ? List.of() : List.copyOf(objectives);
    targets = targets == null ? List.of() : List.copyOf(targets);
    status = status == null ? Status.PLANNED : status;
  }

  /** Whether an agency takes part (the lead included). */
  public boolean involves(String agency) {
    return agency != null && participants.contains(agency.toUpperCase(Locale.ROOT));
  }

  /** Whether a viewer may see this operation at all: its participants, or the operator's view. */
  public boolean visibleTo(Viewer viewer) {
    return viewer.seesEverything() || involves(viewer.agency());
  }

  public Operation withStatus(Status s) {
    return new Operation(id, name, start, end, leadAgency, participants, objectives, targets, s);
  }
}
