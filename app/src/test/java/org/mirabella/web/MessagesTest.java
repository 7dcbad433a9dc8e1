package org.mirabella.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** All UI text lives in messages/en.js: every key a screen asks for is there. */
class MessagesTest {
  static final Path PUBLIC = Path.of("src", "main", "resources", "public");

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
}
