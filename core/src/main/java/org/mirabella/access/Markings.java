package org.mirabella.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mirabella.model.Statement;
import org.mirabella.provenance.HandlingCode;
import org.mirabella.provenance.Provenance;

/**
 * The handling markings a reader must see wherever a statement is shown or exported: H1's "not for
 * judicial use without permission", H2's "no onward dissemination", H3's condition, word for word.
 */
public final class Markings {
  public static final String H1_MARKING = "NOT FOR JUDICIAL USE WITHOUT PERMISSION";

  private Markings() {}

  /** The marking of one statement, naming the owner whose permission is needed. */
  public static String of(Statement s) {
    Provenance p = s.provenance();
    return of(p.agency(), p.handling(), p.handlingCondition());
  }

  /** The marking of anything carrying a handling code (a statement, a message) from {@code owner}. */
  public static String of(String owner, HandlingCode code, String condition) {
    return switch (code) {
      case H0 -> "H0: law-enforcement use only";
      case H1 -> "H1: " + H1_MARKING + " of " + owner;
      case H2 -> "H2: no onward dissemination without permission of " + owner;
      case H3 -> "H3: condition of " + owner + ": " + condition;
    };
  }

  /** The distinct markings of a set of statements, strictest first. */
  public static List<String> of(List<Statement> statements) {
    Set<String> out = new LinkedHashSet<>();
    statements.stream().filter(s -> !s.retracted())
        .sorted((a, b) -> b.provenance().handling().compareTo(a.provenance().handling()))
        .forEach(s -> out.add(of(s)));
    return new ArrayList<>(out);
  }
}
