package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All UI text lives in messages/en.js: every key a screen asks for is there, and every other language
 * (messages/fr.js) has exactly the same keys with the same placeholders.
 */
class MessagesTest {
  static final Path PUBLIC = Path.of("src", "main", "resources", "public");
  /** {count:singular|plural}: the variable whose count chooses the form (i18n.js). */
  static final Pattern PLURAL = Pattern.compile("\\{(\\w+):[^|{}]*\\|[^{}]*\\}");

  static Set<String> keysIn(String source, Pattern p) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(source);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void everyTextKeyUsedByTheScreensIsInTheEnglishMessages() throws IOException {
    String en = Files.readString(PUBLIC.resolve("js/messages/en.js"));
    Set<String> defined = keysIn(en, Pattern.compile("^\\s*'([\\w.-]+)':", Pattern.MULTILINE));
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(PUBLIC.resolve("js"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js") && !p.toString().contains("messages") && !p.endsWith("i18n.js")).toList()) {
        used.addAll(keysIn(Files.readString(f), Pattern.compile("\\bt\\('([\\w.-]+)'")));
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(defined).containsAll(used);
  }

  @Test
  void theShellNamesEveryLibraryVersionThePomServes() throws IOException {
    String index = Files.readString(PUBLIC.resolve("index.html"));
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("/webjars/([\\w.-]+)/([\\d.]+)/").matcher(index);
    int n = 0;
    while (m.find()) {
      n++;
      assertThat(pom).contains("<webjar." + m.group(1) + ".version>" + m.group(2) + "<");
    }
    assertThat(n).isGreaterThanOrEqualTo(2);
  }

  /** Each key with its text, read from a messages file ('key': 'text', with \' escapes). */
  static java.util.Map<String, String> messages(String lang) throws IOException {
    String js = Files.readString(PUBLIC.resolve("js/messages/" + lang + ".js"));
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    Matcher m = Pattern.compile("^\\s*'([\\w.-]+)':\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$", Pattern.MULTILINE).matcher(js);
    while (m.find()) out.put(m.group(1), m.group(2));
    assertThat(out).as(lang + ".js: every key line read").hasSize(keysIn(js, Pattern.compile("^\\s*'([\\w.-]+)':", Pattern.MULTILINE)).size());
    return out;
  }

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
    String i18n = Files.readString(PUBLIC.resolve("js/i18n.js"));
    Matcher langs = Pattern.compile("LANGUAGES = \\[([^\\]]*)\\]").matcher(i18n);
    assertThat(langs.find()).isTrue();
    List<String> codes = Pattern.compile("'(\\w+)'").matcher(langs.group(1)).results().map(r -> r.group(1)).toList();
    assertThat(codes).contains("en", "fr");
    java.util.Map<String, String> en = messages("en");
    assertThat(en).hasSizeGreaterThan(300);
    for (String lang : codes) {
      if (lang.equals("en")) continue;
      java.util.Map<String, String> other = messages(lang);
      assertThat(other.keySet()).as(lang + ".js keys").isEqualTo(en.keySet());
      for (var e : en.entrySet()) {
        assertThat(keysIn(other.get(e.getKey()), Pattern.compile("\\{(\\w+)\\}")))
            .as(lang + " " + e.getKey() + " placeholders").isEqualTo(keysIn(e.getValue(), Pattern.compile("\\{(\\w+)\\}")));
        assertThat(keysIn(other.get(e.getKey()), PLURAL)).as(lang + " " + e.getKey() + " plural forms").isEqualTo(keysIn(e.getValue(), PLURAL));
      }
      long same = en.entrySet().stream().filter(e -> e.getValue().equals(other.get(e.getKey()))).count();
      assertThat(same).as(lang + ": texts left in English").isLessThan(en.size() / 10);
    }
  }
}
