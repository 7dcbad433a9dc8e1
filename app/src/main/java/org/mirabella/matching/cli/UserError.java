package org.mirabella.matching.cli;

/** A mistake in the user's input or options: reported as one line naming file, line and field; exit code 2. */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message, null, false, false);
  }
}
