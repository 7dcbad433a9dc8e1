package org.mirabella.analysis.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mirabella.analysis.Fixtures;
import org.mirabella.analysis.graph.Network;

class EdgeListReaderTest {
  private static Network ssv(String text) {
    return new EdgeListReader(EdgeListFormat.SSV).read(new StringReader(text), "edges.txt");
  }

  private static Network csv(String text) {
    return new EdgeListReader(EdgeListFormat.CSV).read(new StringReader(text), "edges.csv");
  }

  @Test
  void emptySsvIsEmptyNetwork() {
    assertThat(ssv("").nodeCount()).isZero();
    assertThat(ssv("# only a comment\n\n").nodeCount()).isZero();
  }

  @Test
  void ssvWithAndWithoutWeights() {
    Network g = ssv("a b 2\nb\tc\n");
    assertThat(g.nodeCount()).isEqualTo(3);
    assertThat(g.edgeWeight(0, 1)).isEqualTo(2.0);
    assertThat(g.edgeWeight(1, 2)).isEqualTo(1.0);
  }

  @Test
  void csvWithHeaderAndQuotes() {
    Network g = csv("source,target,weight\n\"Smith, J\",b,3\nb,c,1\n");
    assertThat(g.label(0)).isEqualTo("Smith, J");
    assertThat(g.edgeWeight(0, 1)).isEqualTo(3.0);
    assertThat(csv("Source,Target\nx,y\n").edgeCount()).isEqualTo(1);
  }

  @Test
  void badWeightNamesFileLineAndField() {
    assertThatThrownBy(() -> ssv("a b 1\nb c x\n"))
        .isInstanceOf(InvalidEdgeList.class)
        .hasMessage("edges.txt line 2: weight: not a number: 'x'");
    assertThatThrownBy(() -> csv("source,target,weight\na,b,-2\n"))
        .hasMessage("edges.csv line 2: weight: must be a finite number >= 0: '-2'");
  }

  @Test
  void missingTargetAndExtraFieldsAreReported() {
    assertThatThrownBy(() -> ssv("a\n")).hasMessage("edges.txt line 1: target: missing");
    assertThatThrownBy(() -> ssv("a b 1 2\n")).hasMessageContaining("line 1").hasMessageContaining("4 fields");
    assertThatThrownBy(() -> csv("source,target\na,\n")).hasMessage("edges.csv line 2: target: empty");
    assertThatThrownBy(() -> csv("source,target\na,b,c\n")).hasMessage("edges.csv line 2: expected 2 fields, found 3");
  }

  @Test
  void csvHeaderIsChecked() {
    assertThatThrownBy(() -> csv("from,to\na,b\n"))
        .isInstanceOf(InvalidEdgeList.class)
        .hasMessage("edges.csv line 1: header: expected 'source,target[,weight]', found 'from,to'");
    assertThatThrownBy(() -> csv("")).hasMessageContaining("header");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> EdgeListReader.read(Path.of("no/such.csv"), EdgeListFormat.CSV))
        .isInstanceOf(InvalidEdgeList.class).hasMessageContaining("such.csv").hasMessageContaining("no such file");
  }

  @Test
  void unknownFormat() {
    assertThatThrownBy(() -> EdgeListFormat.parse("xml")).hasMessageContaining("ssv or csv");
  }

  @Test
  void montagnaMeetingsCountsMatchPaper() {
    Network g = Fixtures.montagnaMeetings();
    assertThat(g.nodeCount()).isEqualTo(101);
    assertThat(g.edgeCount()).isEqualTo(256);
    double weightSum = 0;
    for (int v = 0; v < g.nodeCount(); v++) weightSum += g.strength(v);
    assertThat(weightSum / 2).isEqualTo(369.0); // last line wins for the 33 doubled pairs
  }
}
