package org.mirabella.access;

import java.util.Map;
import java.util.Set;

/**
 * What has been disclosed to one agency: the cases other agencies share with it (joint
 * investigation teams) and the statements released to it, each with the agencies that released it.
 * Revoked releases are not in it: revocation works for the future.
 */
public record Disclosures(String agency, Set<CaseKey> sharedCases, Map<String, Set<String>> releases) {
  /** One agency's case. */
  public record CaseKey(String agency, String caseRef) {}

  public Disclosures {
    sharedCases = Set.copyOf(sharedCases);
    releases = Map.copyOf(releases);
  }

  /** Nothing disclosed: the agency sees only its own data. */
  public static Disclosures none(String agency) {
    return new Disclosures(agency, Set.of(), Map.of());
  }

  public boolean caseShared(String owner, String caseRef) {
    return sharedCases.contains(new CaseKey(owner, caseRef));
  }

  /** The agencies that released the statement to this agency (empty if none). */
  public Set<String> releasedBy(String statementId) {
    return releases.getOrDefault(statementId, Set.of());
  }
}
