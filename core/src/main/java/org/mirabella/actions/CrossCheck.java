package org.mirabella.actions;

import java.util.List;

/**
 * Port: cross-check field checks in bulk against everything the viewer may see. The first
 * implementation compares values exactly after their property type's normalisation; the matching
 * engine implements the same port with fuzzy name keys and scores. An implementation must only
 * return facts the viewer may see.
 */
@FunctionalInterface
public interface CrossCheck {
  /** The hits of {@code checks} (each check already cleaned and carrying its id), for {@code viewer}. */
  List<CheckHit> run(List<FieldCheck> checks, Viewer viewer);
}
