package org.mirabella.matching.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind name keys, kept as data files beside this class: name variants
 * ({@code variants.txt}), particles, honorifics and legal forms. Every form is run through the same
 * tokeniser as names, so a list entry written in Arabic script or with diacritics matches its
 * transliteration. Loaded once.
 */
final class NameData {
  static final NameData INSTANCE = new NameData();

  /** Token (transliterated) → ids of the variant groups it belongs to. */
  final Map<String, int[]> variantGroups = new HashMap<>();
  /** Canonical first form of each group, for reasons. */
  final List<String> groupNames = new ArrayList<>();
  final Set<String> particles = new HashSet<>();
  final Set<String> hyphenParticles = new HashSet<>();
  final Set<String> honorifics = new HashSet<>();
  /** Legal form (single transliterated token or joined phrase) → canonical form. */
  final Map<String, String> legalForms = new HashMap<>();
  /** Multi-word legal forms by their first word, longest first. */
  final Map<String, List<String[]>> legalPhrases = new HashMap<>();

  private NameData() {
    for (String line : lines("particles.txt")) {
      if (line.endsWith("-")) hyphenParticles.add(line.substring(0, line.length() - 1));
      else particles.add(line);
    }
    honorifics.addAll(lines("honorifics.txt"));
    for (String line : lines("legal-forms.txt")) {
      String[] forms = line.split(",");
      String canon = words(forms[0]).get(0);
      for (String f : forms) {
        List<String> ws = words(f.replace(".", ""));
        if (ws.isEmpty()) continue;
        if (ws.size() == 1) legalForms.put(ws.get(0), canon);
        else legalPhrases.computeIfAbsent(ws.get(0), k -> new ArrayList<>()).add(ws.toArray(String[]::new));
        legalForms.put(String.join("", ws), canon);
      }
    }
    legalPhrases.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
    Map<String, Set<Integer>> groups = new HashMap<>();
    for (String line : lines("variants.txt")) {
      int id = groupNames.size();
      String[] forms = line.split(",");
      groupNames.add(forms[0].strip());
      for (String f : forms) {
        String joined = String.join("", words(f));
        if (!joined.isEmpty()) groups.computeIfAbsent(joined, k -> new HashSet<>()).add(id);
      }
    }
    groups.forEach((k, v) -> variantGroups.put(k, v.stream().mapToInt(Integer::intValue).sorted().toArray()));
  }

  /** Transliterated words of a list entry. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : Transliteration.fold(s).strip().split("[\\s\\-]+")) {
      if (w.isEmpty()) continue;
      String a = Transliteration.toAscii(w, Transliteration.scriptOf(w));
      if (a.startsWith("al") && a.length() > 4 && Transliteration.scriptOf(w) == Transliteration.Script.ARABIC) a = a.substring(2);
      if (!a.isEmpty()) out.add(a);
    }
    return out;
  }

  private static List<String> lines(String file) {
    List<String> out = new ArrayList<>();
    try (InputStream in = NameData.class.getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("missing resource " + file);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
