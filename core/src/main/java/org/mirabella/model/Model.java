package org.mirabella.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The schema model: FollowTheMoney's schemata plus Mirabella's own, read from the YAML folders
 * {@code schema/ftm} and {@code schema/mirabella} on the class path. A new kind of thing is a new
 * YAML file there, not new Java. Immutable once built; {@link #get()} is the shared default.
 */
public final class Model {
  public static final List<String> DEFAULT_FOLDERS = List.of("schema/ftm", "schema/mirabella");
  private static volatile Model defaultModel;

  private final Map<String, Schema> schemata;

  private Model(Map<String, Schema> schemata) {
    this.schemata = Collections.unmodifiableMap(schemata);
  }

  /** The default model (FtM plus Mirabella schemata), loaded once. */
  public static Model get() {
    Model m = defaultModel;
    if (m == null) {
      synchronized (Model.class) {
        if (defaultModel == null) defaultModel = fromClasspath(DEFAULT_FOLDERS);
        m = defaultModel;
      }
    }
    return m;
  }

  /** Loads every {@code *.yaml}/{@code *.yml} file in the given class path folders, in order. */
  public static Model fromClasspath(List<String> folders) {
    List<SchemaLoader.Parsed> parsed = new ArrayList<>();
    for (String folder : folders) {
      for (Path file : listYaml(folder)) {
        try (InputStream in = Files.newInputStream(file)) {
          parsed.addAll(SchemaLoader.parse(in, folder + "/" + file.getFileName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return build(parsed);
  }

  /** Loads schemata from YAML files on disk (used to check a new schema before adding it). */
  public static Model fromFiles(List<Path> files) {
    List<SchemaLoader.Parsed> parsed = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        parsed.addAll(SchemaLoader.parse(in, file.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return build(parsed);
  }

  static Model build(List<SchemaLoader.Parsed> parsed) {
    Map<String, Schema> byName = new LinkedHashMap<>();
    Map<String, SchemaLoader.Parsed> defs = new LinkedHashMap<>();
    for (SchemaLoader.Parsed p : parsed) {
      Schema s = p.schema();
      if (byName.containsKey(s.name())) {
        throw new InvalidData("Bad schema", Map.of(s.origin() + ": " + s.name(),
            "defined twice (also in " + byName.get(s.name()).origin() + ")"));
      }
      byName.put(s.name(), s);
      defs.put(s.name(), p);
    }
    for (SchemaLoader.Parsed p : parsed) {
      SchemaLoader.buildProperties(p);
      for (String parent : p.schema().extendsNames()) {
        Schema ps = byName.get(parent);
        if (ps == null) throw new InvalidData("Bad schema", Map.of(p.schema().origin() + ": " + p.schema().name() + ".extends",
            "unknown schema '" + parent + "'"));
        p.schema().addParent(ps);
      }
    }
    // Reverse properties become stubs on the range schema, before inheritance is resolved.
    List<Property[]> links = new ArrayList<>();
    for (SchemaLoader.Parsed p : parsed) {
      for (Property prop : List.copyOf(p.schema().own.values())) {
        if (prop.rangeName() == null || prop.stub()) continue;
        Schema range = byName.get(prop.rangeName());
        if (range == null) throw new InvalidData("Bad schema", Map.of(prop.qname() + ".range", "unknown schema '" + prop.rangeName() + "'"));
        Property stub = null;
        if (prop.reverseName() != null) {
          stub = SchemaLoader.reverseStub(prop, range, p.properties().get(prop.name()));
          if (range.own.containsKey(stub.name()) && !range.own.get(stub.name()).stub()) {
            throw new InvalidData("Bad schema", Map.of(prop.qname() + ".reverse",
                "reverse name '" + stub.name() + "' already used on " + range.name()));
          }
          range.addReverse(stub);
        }
        links.add(new Property[] {prop, stub});
      }
    }
    for (Schema s : byName.values()) s.resolve();
    for (Property[] l : links) {
      Property prop = l[0];
      Property stub = l[1];
      prop.link(byName.get(prop.rangeName()), stub);
      if (stub != null) stub.link(prop.schema(), prop);
    }
    for (Schema s : byName.values()) checkReferences(s);
    return new Model(byName);
  }

  private static void checkReferences(Schema s) {
    List<String> named = new ArrayList<>(s.featured());
    named.addAll(s.required());
    named.addAll(s.caption());
    if (s.edge() != null) {
      named.add(s.edge().source());
      named.add(s.edge().target());
    }
    for (String n : named) {
      if (s.property(n) == null) {
        throw new InvalidData("Bad schema", Map.of(s.origin() + ": " + s.name(), "names unknown property '" + n + "'"));
      }
    }
  }

  /** The schema of that name, or null. */
  public Schema schema(String name) {
    return schemata.get(name);
  }

  /** The schema of that name; {@link InvalidData} naming it if unknown. */
  public Schema require(String name) {
    Schema s = schemata.get(name);
    if (s == null) throw new InvalidData("Unknown schema", Map.of("schema", "no schema named '" + name + "'"));
    return s;
  }

  public Collection<Schema> schemata() {
    return schemata.values();
  }

  /**
   * The most specific schema that both are (Person + LegalEntity gives Person); null when neither
   * extends the other.
   */
  public Schema common(Schema a, Schema b) {
    if (a.isA(b)) return a;
    if (b.isA(a)) return b;
    return null;
  }

  private static List<Path> listYaml(String folder) {
    URL url = Model.class.getClassLoader().getResource(folder);
    if (url == null) return List.of();
    try {
      URI uri = url.toURI();
      Path dir;
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        dir = fs.provider().getPath(uri);
      } else {
        dir = Path.of(uri);
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
            .sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()))
            .toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list schema folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
