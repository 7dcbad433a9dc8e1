package org.mirabella.analysis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mirabella.analysis.graph.Network;
import org.mirabella.analysis.graph.NetworkBuilder;

/**
 * Reads an undirected edge list into a {@link Network} ({@link EdgeListFormat#SSV} or {@link
 * EdgeListFormat#CSV}). A pair listed twice keeps the last weight (networkx semantics, see {@link
 * NetworkBuilder}); a missing weight is 1. Any bad line raises {@link InvalidEdgeList} naming the
 * file, line and field. A UTF-8 byte-order mark is ignored. O(m) time.
 */
public final class EdgeListReader {
  private final EdgeListFormat format;

  public EdgeListReader(EdgeListFormat format) {
    if (format == null) throw new IllegalArgumentException("format must not be null");
    this.format = format;
  }

  /** Shortcut: {@code new EdgeListReader(format).read(file)}. */
  public static Network read(Path file, EdgeListFormat format) {
    return new EdgeListReader(format).read(file);
  }

  public Network read(Path file) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, name);
    } catch (NoSuchFileException e) {
      throw new InvalidEdgeList(name, 0, null, "no such file");
    } catch (IOException e) {
      throw new InvalidEdgeList(name, 0, null, "cannot read: " + e.getMessage());
    }
  }

  /** Reads from {@code in}; {@code name} is used in error messages. */
  public Network read(Reader in, String name) {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      return format == EdgeListFormat.SSV ? readSsv(r, name) : readCsv(r, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Network readSsv(BufferedReader r, String name) throws IOException {
    NetworkBuilder b = new NetworkBuilder();
    String line;
    long no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      if (no == 1) line = stripBom(line);
      int hash = line.indexOf('#');
      if (hash >= 0) line = line.substring(0, hash);
      String trimmed = line.strip();
      if (trimmed.isEmpty()) continue;
      String[] f = trimmed.split("\\s+");
      if (f.length > 3) {
        throw new InvalidEdgeList(name, no, null, "expected 'source target [weight]', found " + f.length + " fields");
      }
      if (f.length < 2) throw new InvalidEdgeList(name, no, "target", "missing");
      addEdge(b, f, name, no);
    }
    return b.build();
  }

  private static Network readCsv(BufferedReader r, String name) throws IOException {
    String header = r.readLine();
    if (header == null) throw new InvalidEdgeList(name, 1, "header", "empty file, expected 'source,target[,weight]'");
    List<String> h = splitCsv(stripBom(header), name, 1);
    int cols = h.size();
    boolean ok = (cols == 2 || cols == 3)
        && h.get(0).strip().toLowerCase(Locale.ROOT).equals("source")
        && h.get(1).strip().toLowerCase(Locale.ROOT).equals("target")
        && (cols == 2 || h.get(2).strip().toLowerCase(Locale.ROOT).equals("weight"));
    if (!ok) {
      throw new InvalidEdgeList(name, 1, "header", "expected 'source,target[,weight]', found '" + header.strip() + "'");
    }
    NetworkBuilder b = new NetworkBuilder();
    String line;
    long no = 1;
    while ((line = r.readLine()) != null) {
      no++;
      if (line.isBlank()) continue;
      List<String> f = splitCsv(line, name, no);
      if (f.size() != cols) {
        throw new InvalidEdgeList(name, no, null, "expected " + cols + " fields, found " + f.size());
      }
      addEdge(b, f.toArray(new String[0]), name, no);
    }
    return b.build();
  }

  private static void addEdge(NetworkBuilder b, String[] f, String name, long no) {
    String u = f[0].strip();
    String v = f[1].strip();
    if (u.isEmpty()) throw new InvalidEdgeList(name, no, "source", "empty");
    if (v.isEmpty()) throw new InvalidEdgeList(name, no, "target", "empty");
    if (f.length == 2) {
      b.addEdge(u, v);
      return;
    }
    String raw = f[2].strip();
    double w;
    try {
      w = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new InvalidEdgeList(name, no, "weight", "not a number: '" + raw + "'");
    }
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new InvalidEdgeList(name, no, "weight", "must be a finite number >= 0: '" + raw + "'");
    }
    b.addEdge(u, v, w);
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** Splits one CSV record (RFC 4180 quotes, no embedded newlines). */
  static List<String> splitCsv(String line, String name, long no) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) throw new InvalidEdgeList(name, no, null, "unterminated quoted field");
    out.add(cur.toString());
    return out;
  }
}
