package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTypeTest {
  private final GeoPointType geo = new GeoPointType();
  /** Lampedusa harbour and Zuwara, Libya: a crossing of about 290 km. */
  private static final String LAMPEDUSA = "35.5000,12.6060";
  private static final String ZUWARA = "32.9312,12.0819";

  private String reason(String raw) {
    Cleaned c = geo.clean(raw);
    assertThat(c).as(raw).isInstanceOf(Cleaned.Invalid.class);
    return ((Cleaned.Invalid) c).reason();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      35.5, 12.6                   | 35.5,12.6
      35.5 12.6                    | 35.5,12.6
      35.5;12.6                    | 35.5,12.6
      -33.8568, 151.2153           | -33.8568,151.2153
      35.500000,12.600000          | 35.5,12.6
      35.123456789,12.1            | 35.123457,12.1
      0,0                          | 0,0
      90,180                       | 90,180
      """)
  void cleansDecimalDegrees(String raw, String clean) {
    assertThat(geo.clean(raw).value()).isEqualTo(clean);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      35.5N 12.6E                  | 35.5,12.6
      35.5°N, 12.6°E               | 35.5,12.6
      35.5 N , 12.6 E              | 35.5,12.6
      35.5N12.6E                   | 35.5,12.6
      33.8568S 151.2153E           | -33.8568,151.2153
      40.7128n 74.0060w            | 40.7128,-74.006
      -33.8568S 151.2153E          | -33.8568,151.2153
      """)
  void readsHemisphereLetters(String raw, String clean) {
    assertThat(geo.clean(raw).value()).isEqualTo(clean);
  }

  @Test
  void readsDegreesMinutesAndSeconds() {
    assertThat(geo.clean("35°30'N 12°36'E").value()).isEqualTo("35.5,12.6");
    assertThat(geo.clean("35°30.5'N 012°36.2'E").value()).isEqualTo("35.508333,12.603333");
    assertThat(geo.clean("35°30'36\"N, 12°36'18\"E").value()).isEqualTo("35.51,12.605");
    assertThat(geo.clean("33°51'24\"S 151°12'55\"E").value()).isEqualTo("-33.856667,151.215278");
  }

  @Test
  void readsTheUnicodeMinusAndArabicDigits() {
    assertThat(geo.clean("\u221233.8568, 151.2153").value()).isEqualTo("-33.8568,151.2153");
    assertThat(geo.clean("٣٢٫٩, ١٢٫٠٨").value()).isEqualTo("32.9,12.08"); // with the Arabic decimal separator
    assertThat(geo.clean("٣٢.٩, ١٢.٠٨").value()).isEqualTo("32.9,12.08");
  }

  @Test
  void rejectsContradictoryHemispheres() {
    assertThat(reason("-35.5N 12.6E")).isEqualTo("latitude -35.5 with hemisphere N");
    assertThat(reason("35.5N -12.6E")).isEqualTo("longitude -12.6 with hemisphere E");
  }

  @Test
  void rejectsPointsOffTheGlobe() {
    assertThat(reason("91,0")).isEqualTo("latitude out of range: 91.0");
    assertThat(reason("-90.5,0")).isEqualTo("latitude out of range: -90.5");
    assertThat(reason("0,181")).isEqualTo("longitude out of range: 181.0");
    assertThat(reason("91S 0E")).isEqualTo("latitude out of range: -91.0");
  }

  @Test
  void rejectsMinutesAndSecondsOfSixtyOrMore() {
    assertThat(reason("35°60'N 12°00'E")).isEqualTo("latitude minutes out of range: 60");
    assertThat(reason("35°30'75\"N 12°00'E")).isEqualTo("latitude seconds out of range: 75");
  }

  @Test
  void rejectsWhatIsNotAPoint() {
    assertThat(reason("Lampedusa")).startsWith("not coordinates");
    assertThat(reason("35.5")).startsWith("not coordinates");
    assertThat(reason("35.5,12.6,7")).startsWith("not coordinates");
    assertThat(reason("")).isEqualTo("empty coordinates");
  }

  @Test
  void neverWritesMinusZero() {
    assertThat(geo.clean("-0.0000001,0").value()).isEqualTo("0,0");
  }

  @Test
  void measuresGreatCircleDistance() {
    assertThat(GeoPointType.distanceKm(LAMPEDUSA, ZUWARA)).isCloseTo(289.0, within(3.0));
    assertThat(GeoPointType.distanceKm(LAMPEDUSA, LAMPEDUSA)).isEqualTo(0.0);
    // Rome to Tokyo, about 9,850 km
    assertThat(GeoPointType.distanceKm("41.9028,12.4964", "35.6762,139.6503")).isCloseTo(9857, within(30.0));
    // across the antimeridian the short way round
    assertThat(GeoPointType.distanceKm("0,179.5", "0,-179.5")).isCloseTo(111.2, within(0.5));
  }

  @Test
  void comparisonDecaysWithDistance() {
    assertThat(geo.compare(LAMPEDUSA, LAMPEDUSA)).isEqualTo(1.0);
    assertThat(geo.compare("35.5,12.6", "35.6,12.6")).isCloseTo(1 - 11.12 / 50, within(0.01));
    assertThat(geo.compare(LAMPEDUSA, ZUWARA)).isEqualTo(0.0);
  }

  @Test
  void parsesACleanPoint() {
    assertThat(GeoPointType.parse("-33.8568,151.2153")).containsExactly(-33.8568, 151.2153);
  }
}
