package org.mirabella.hits;

import java.util.Map;
import java.util.Set;
import org.mirabella.model.InvalidData;

/** The owner's answer to a request for a hit's details: release all, release part (chosen properties), or refuse. */
public sealed interface ReleaseDecision {
  String reason();

  record ReleaseAll(String reason) implements ReleaseDecision {}

  record ReleasePart(Set<String> properties, String reason) implements ReleaseDecision {
    public ReleasePart {
      if (properties == null || properties.isEmpty()) throw new InvalidData("Bad release", Map.of("properties", "name the properties to release"));
      properties = Set.copyOf(properties);
    }
  }

  record Refuse(String reason) implements ReleaseDecision {
    public Refuse {
      if (reason == null || reason.isBlank()) throw new InvalidData("Bad release", Map.of("reason", "a refusal gives its reason"));
    }
  }

  /** Parses {@code all}, {@code part} or {@code refuse}. */
  static ReleaseDecision of(String decision, Set<String> properties, String reason) {
    if (decision == null) throw new InvalidData("Bad release", Map.of("decision", "one of all, part, refuse"));
    return switch (decision.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "all" -> new ReleaseAll(reason);
      case "part" -> new ReleasePart(properties, reason);
      case "refuse" -> new Refuse(reason);
      default -> throw new InvalidData("Bad release", Map.of("decision", "'" + decision + "' is not one of all, part, refuse"));
    };
  }
}
