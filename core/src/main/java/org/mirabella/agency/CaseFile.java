package org.mirabella.agency;

import java.time.LocalDate;
import java.util.Set;

/**
 * A case owned by one agency. Sharing it with other agencies (a joint investigation team) makes
 * its statements visible to them, within the handling codes' limits.
 */
public record CaseFile(String ref, String agency, String title, LocalDate opened, Set<String> sharedWith) {
  public CaseFile {
    sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
  }
}
