package org.mirabella.hits;

import java.time.Instant;
import java.util.Set;

/**
 * A match between two agencies' entities, as stored. Sides are ordered: left is the smaller entity id.
 * {@code modelVersion} is the stored fitted model that last scored it (null: the algorithm's priors).
 */
public record Hit(long id, String ref, String leftEntity, String leftAgency, String rightEntity, String rightAgency,
    double score, ScoredPair.Band band, Set<String> matchedKinds, String algorithm, Instant createdAt, Judgement judgement,
    Integer modelVersion) {

  public boolean involves(String agency) {
    return leftAgency.equals(agency) || rightAgency.equals(agency);
  }

  /** The viewer agency's own entity on this hit. */
  public String ownEntity(String agency) {
    return leftAgency.equals(agency) ? leftEntity : rightEntity;
  }

  public String otherEntity(String agency) {
    return leftAgency.equals(agency) ? rightEntity : leftEntity;
  }

  public String otherAgency(String agency) {
    return leftAgency.equals(agency) ? rightAgency : leftAgency;
  }
}
