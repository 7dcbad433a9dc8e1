package org.mirabella.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirabella.model.InvalidData;

class CsvSourceTest {
  @TempDir Path dir;

  SourceSpec spec(char delimiter, String encoding) {
    return new SourceSpec(SourceSpec.Format.CSV, delimiter, '"', encoding, null, List.of(), false, 0);
  }

  Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  List<Row> rows(Path p, SourceSpec s) {
    List<Row> out = new ArrayList<>();
    try (CsvSource src = new CsvSource(p, p.getFileName().toString(), s, "m.yaml")) {
      Row r;
      while ((r = src.next()) != null) out.add(r);
    }
    return out;
  }

  @Test
  void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws Exception {
    Path p = write("a.csv", "id;nome;nota\r\n1;\"Rossi; Mario\";\"disse \"\"ciao\"\"\r\nsu due righe\"\r\n\r\n2;Bianchi;\n".getBytes(StandardCharsets.UTF_8));
    List<Row> rows = rows(p, spec(';', null));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("nome")).isEqualTo("Rossi; Mario");
    assertThat(rows.get(0).get("nota")).isEqualTo("disse \"ciao\"\r\nsu due righe");
    assertThat(rows.get(0).line()).isEqualTo(2);
    assertThat(rows.get(1).line()).isEqualTo(5);
    assertThat(rows.get(1).get("nota")).isEmpty();
    assertThat(rows.get(0).raw()).isEqualTo("1;\"Rossi; Mario\";\"disse \"\"ciao\"\"\r\nsu due righe\"");
  }

  @Test
  void readsUtf8WithAndWithoutBom() throws Exception {
    byte[] body = "name\nJosé Müller\n".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    for (Path p : List.of(write("plain.csv", body), write("bom.csv", bom))) {
      try (CsvSource src = new CsvSource(p, "x.csv", spec(',', null), "m.yaml")) {
        assertThat(src.columns()).containsExactly("name");
        assertThat(src.next().get("name")).isEqualTo("José Müller");
      }
    }
  }

  @Test
  void readsWindows1252AndIso88591AndDetectsThem() throws Exception {
    Path cp = write("cp.csv", "nome;importo\nNiccolò;5 €\n".getBytes(Charset.forName("windows-1252")));
    assertThat(rows(cp, spec(';', "windows-1252")).get(0).get("importo")).isEqualTo("5 €");
    assertThat(rows(cp, spec(';', "auto")).get(0).get("nome")).isEqualTo("Niccolò");
    Path latin = write("l.csv", "nom\nFrançois\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(rows(latin, spec(',', "iso-8859-1")).get(0).get("nom")).isEqualTo("François");
    Path utf = write("u.csv", "nom\nFrançois\n".getBytes(StandardCharsets.UTF_8));
    assertThat(rows(utf, spec(',', "auto")).get(0).get("nom")).isEqualTo("François");
  }

  @Test
  void failsOnTextThatIsNotInTheEncoding() throws Exception {
    Path cp = write("cp.csv", "nome\nNiccolò\n".getBytes(Charset.forName("windows-1252")));
    assertThatThrownBy(() -> rows(cp, spec(',', null))).isInstanceOf(InvalidData.class)
        .hasMessage("Malformed file: cp.csv line 2: not valid UTF-8 text (set source.encoding in the mapping, e.g. windows-1252, or auto)");
  }

  @Test
  void failsOnATruncatedFile() throws Exception {
    Path open = write("open.csv", "id,name\n1,\"Rossi\n2,Bianchi\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> rows(open, spec(',', null))).isInstanceOf(InvalidData.class)
        .hasMessage("Malformed file: open.csv line 2: a quoted field is not closed at the end of the file: "
            + "the file is truncated (or its quote is not \")");
    Path cut = write("cut.csv", "id,name,city\n1,Rossi,Roma\n2,Bian".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> rows(cut, spec(',', null))).isInstanceOf(InvalidData.class)
        .hasMessage("Malformed file: cut.csv line 3: the last row has 2 of 3 fields and no line end: the file is truncated");
    Path empty = write("empty.csv", new byte[0]);
    assertThatThrownBy(() -> rows(empty, spec(',', null))).hasMessage("Malformed file: empty.csv: empty: no header row");
  }

  @Test
  void aLastLineWithoutLineEndIsFineWhenComplete() throws Exception {
    Path p = write("a.csv", "id,name\n1,Rossi".getBytes(StandardCharsets.UTF_8));
    assertThat(rows(p, spec(',', null))).singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("Rossi"));
  }

  @Test
  void aShortRowInTheMiddleIsARowProblem() throws Exception {
    Path p = write("a.csv", "id,name,city\n1,Rossi\n2,Bianchi,Roma\n".getBytes(StandardCharsets.UTF_8));
    List<Row> rows = rows(p, spec(',', null));
    assertThat(CsvSource.fieldCountProblem(rows.get(0))).isEqualTo("the row has 2 fields, the header has 3");
    assertThat(CsvSource.fieldCountProblem(rows.get(1))).isNull();
  }

  @Test
  void skipsRowsBeforeTheHeader() throws Exception {
    Path p = write("a.csv", "Esportazione SDI\ngenerata 01/02/2024\nid,name\n1,Rossi\n".getBytes(StandardCharsets.UTF_8));
    var s = new SourceSpec(SourceSpec.Format.CSV, ',', '"', null, null, List.of(), false, 2);
    List<Row> rows = rows(p, s);
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.get("name")).isEqualTo("Rossi");
      assertThat(r.line()).isEqualTo(4);
    });
  }
}
