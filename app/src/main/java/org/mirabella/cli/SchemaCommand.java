package org.mirabella.cli;

import java.util.Comparator;
import org.mirabella.model.Model;
import org.mirabella.model.Property;
import org.mirabella.model.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Lists the schemata, or shows one with its properties. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "List the schemata (FollowTheMoney's and Mirabella's), or show one with its properties.")
final class SchemaCommand implements Runnable {
  @Parameters(arity = "0..1", paramLabel = "SCHEMA", description = "A schema to show, e.g. Person or BorderCrossing.")
  String name;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    Model model = Model.get();
    if (name == null) {
      model.schemata().stream().filter(s -> !s.isAbstract()).sorted(Comparator.comparing(Schema::name))
          .forEach(s -> out.printf("%-22s %s%s%n", s.name(), s.label(), s.edge() != null ? " (link)" : ""));
      return;
    }
    Schema s = model.require(name);
    out.printf("%s (%s)%s%n", s.name(), s.label(), s.isAbstract() ? " abstract" : "");
    out.println("extends: " + String.join(", ", s.ancestry().stream().filter(a -> !a.equals(s.name())).toList()));
    if (s.edge() != null) out.printf("link: %s -> %s%n", s.edge().source(), s.edge().target());
    s.properties().values().stream().filter(p -> !p.hidden()).sorted(Comparator.comparing(Property::name))
        .forEach(p -> out.printf("  %-26s %-12s %s%s%n", p.name(), p.type().name(), p.label(),
            p.range() != null ? " -> " + p.range().name() : ""));
  }
}
