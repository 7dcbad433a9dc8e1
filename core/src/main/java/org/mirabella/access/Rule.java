package org.mirabella.access;

import java.util.function.Function;

/** A named access rule: a pure function from a request to {@link Decision}. The name is what audits and docs cite. */
public record Rule<T>(String name, Function<T, Decision> check) {
  public Decision apply(T request) {
    return check.apply(request);
  }

  /** Allow when {@code test} holds, else deny with this rule's name and {@code reason}. */
  public static <T> Rule<T> of(String name, java.util.function.Predicate<T> test, Function<T, String> reason) {
    return new Rule<>(name, r -> test.test(r) ? Decision.allow() : Decision.deny(name, reason.apply(r)));
  }
}
