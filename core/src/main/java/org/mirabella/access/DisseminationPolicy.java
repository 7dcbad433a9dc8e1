package org.mirabella.access;

import java.util.List;
import org.mirabella.agency.Tier;
import org.mirabella.model.Entity;
import org.mirabella.model.Statement;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.SubjectCategory;

/**
 * Who may pass a statement to another agency (a release after a hit, a case shared). All rules must
 * allow: {@code releaserHoldsIt}, {@code h2OnlyByOwner}, {@code noVictimDataToPartnerTier},
 * {@code notToItself}.
 */
public final class DisseminationPolicy {
  /** Agency {@code from} (acting through {@code viewer}) passes {@code statement} of {@code entity} to {@code to}. */
  public record Disseminate(Viewer viewer, Entity entity, Statement statement, String to, Tier toTier) {
    boolean byOwner() {
      return viewer.agency().equals(statement.provenance().agency());
    }
  }

  public static final Rule<Disseminate> RELEASER_HOLDS_IT = Rule.of("releaserHoldsIt",
      r -> r.byOwner() && !r.statement().retracted(), r -> "only the owner " + r.statement().provenance().agency()
          + " releases its current statements");

  public static final Rule<Disseminate> H2_ONLY_BY_OWNER = Rule.of("h2OnlyByOwner",
      r -> r.statement().provenance().handling() != HandlingCode.H2 || r.byOwner(),
      r -> "H2 statement: no onward dissemination without permission of " + r.statement().provenance().agency());

  public static final Rule<Disseminate> NO_VICTIM_DATA_TO_PARTNER_TIER = Rule.of("noVictimDataToPartnerTier",
      r -> r.entity().category() != SubjectCategory.VICTIM || r.toTier() != Tier.PARTNER,
      r -> "victim records are not released to partner-tier agencies");

  public static final Rule<Disseminate> NOT_TO_ITSELF = Rule.of("notToItself",
      r -> !r.to().equals(r.viewer().agency()), r -> "an agency does not release to itself");

  private final List<Rule<Disseminate>> rules;

  public DisseminationPolicy(List<Rule<Disseminate>> rules) {
    this.rules = List.copyOf(rules);
  }

  public static DisseminationPolicy standard() {
    return new DisseminationPolicy(List.of(RELEASER_HOLDS_IT, H2_ONLY_BY_OWNER, NO_VICTIM_DATA_TO_PARTNER_TIER, NOT_TO_ITSELF));
  }

  public List<Rule<Disseminate>> rules() {
    return rules;
  }

  public Decision decide(Disseminate d) {
    for (Rule<Disseminate> r : rules) {
      Decision x = r.apply(d);
      if (!x.allowed()) return x;
    }
    return Decision.allow();
  }
}
