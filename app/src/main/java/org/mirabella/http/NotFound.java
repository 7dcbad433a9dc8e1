package org.mirabella.http;

/**
 * Something the caller asked for does not exist, or exists but the caller may not see it: both
 * answer the same 404, because the existence of a record is itself sensitive.
 */
public class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what);
  }
}
