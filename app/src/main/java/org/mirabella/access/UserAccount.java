package org.mirabella.access;

import java.time.Instant;
import java.util.Set;

/** A local account as stored (never with its password hash outside {@link UserStore}). */
public record UserAccount(String username, String agency, Set<Role> roles, int failedAttempts, Instant lockedUntil,
    boolean disabled, Instant createdAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public Viewer viewer() {
    return Viewer.of(username, agency, roles);
  }
}
