package org.mirabella.access;

import java.util.List;
import org.mirabella.model.Entity;
import org.mirabella.provenance.SubjectCategory;

/**
 * What goes into a bulk export, on top of the read policy (an export never holds more than the
 * exporter may read): {@code victimsOnlyWithDpoPermission}, {@code justificationGiven}.
 */
public final class ExportPolicy {
  /** An entity (already filtered by the read policy) considered for a bulk export. */
  public record Export(Viewer viewer, Entity entity, String justification, boolean dpoAllowsVictims) {}

  public static final Rule<Export> VICTIMS_ONLY_WITH_DPO_PERMISSION = Rule.of("victimsOnlyWithDpoPermission",
      r -> r.entity().category() != SubjectCategory.VICTIM || r.dpoAllowsVictims(),
      r -> "victim records are left out of bulk exports unless the DPO allows it");

  public static final Rule<Export> JUSTIFICATION_GIVEN = Rule.of("justificationGiven",
      r -> r.justification() != null && !r.justification().isBlank(), r -> "an export needs a justification");

  private final List<Rule<Export>> rules;

  public ExportPolicy(List<Rule<Export>> rules) {
    this.rules = List.copyOf(rules);
  }

  public static ExportPolicy standard() {
    return new ExportPolicy(List.of(JUSTIFICATION_GIVEN, VICTIMS_ONLY_WITH_DPO_PERMISSION));
  }

  public Decision decide(Export e) {
    for (Rule<Export> r : rules) {
      Decision x = r.apply(e);
      if (!x.allowed()) return x;
    }
    return Decision.allow();
  }
}
