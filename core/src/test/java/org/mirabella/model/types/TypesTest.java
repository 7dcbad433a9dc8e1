package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry, and what every type promises: clean values are fixed points and fit maxLength. */
class TypesTest {
  /** Real-world raw values for each type, some in messy forms. */
  private static final Map<PropertyType, List<String>> SAMPLES = Map.ofEntries(
      Map.entry(Types.STRING, List.of("  a\t b ", "Jose\u0301")),
      Map.entry(Types.TEXT, List.of(" line 1\r\nline 2 ")),
      Map.entry(Types.NAME, List.of("\"Abu Omar\"", "  Ahmed   Al-Masri ", "ተስፋይ ገብረ")),
      Map.entry(Types.ENTITY, List.of(" it-sco-0001 ")),
      Map.entry(Types.IDENTIFIER, List.of("ya 123-4567", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")),
      Map.entry(Types.DATE, List.of("1990", "1990-5", "1990-05-17T10:15:00+02:00")),
      Map.entry(Types.NUMBER, List.of("1.500.000,75", "1,500.50", "0,001", "1.5E+06")),
      Map.entry(Types.COUNTRY, List.of("Libya", "uk", "DEU")),
      Map.entry(Types.URL, List.of("münchen.de/straße?q=a b", "HTTP://Example.COM/a%2fb")),
      Map.entry(Types.PHONE, List.of("+49 (0)176 2342-3980", "0039 06 6982 0001")),
      Map.entry(Types.EMAIL, List.of("Mario Rossi <M.Rossi@Example.IT>")),
      Map.entry(Types.ADDRESS, List.of("Via Roma 1\n00100 Roma,")),
      Map.entry(Types.IBAN, List.of("gb29 nwbk 6016 1331 9268 19")),
      Map.entry(Types.GEOPOINT, List.of("35°30.5'N 012°36.2'E", "-0.0000001,0")),
      Map.entry(Types.IP, List.of("2001:0DB8::0001", "::ffff:c000:201")),
      Map.entry(Types.CHECKSUM, List.of("D41D8CD98F00B204E9800998ECF8427E")),
      Map.entry(Types.CURRENCY, List.of("€", "Libyan Dinar")),
      Map.entry(Types.GENDER, List.of("weiblich")),
      Map.entry(Types.LANGUAGE, List.of("Tigrinya")),
      Map.entry(Types.TOPIC, List.of("CRIME.TRAFFICK.HUMAN")),
      Map.entry(Types.NETWORK_ROLE, List.of("scafista")));

  @Test
  void findsEachTypeByItsFtmName() {
    for (PropertyType t : Types.all()) assertThat(Types.byName(t.name())).isSameAs(t);
    assertThat(Types.byName("phone")).isSameAs(Types.PHONE);
    assertThat(Types.byName("geopoint")).isSameAs(Types.GEOPOINT);
    assertThat(Types.byName("wibble")).isNull();
    List<String> names = Types.all().stream().map(PropertyType::name).toList();
    assertThat(new HashSet<>(names)).hasSameSizeAs(names);
  }

  @Test
  void everyCleanValueIsAFixedPointAndFits() {
    assertThat(SAMPLES.keySet()).containsAll(Types.all().stream()
        .filter(t -> !List.of("html", "json", "mimetype").contains(t.name())).toList());
    List<String> failures = new ArrayList<>();
    SAMPLES.forEach((type, raws) -> {
      for (String raw : raws) {
        Cleaned once = type.clean(raw, CleaningContext.NONE);
        if (!once.isValid()) {
          failures.add(type.name() + ": '" + raw + "' -> " + once);
          continue;
        }
        Cleaned twice = type.clean(once.value(), CleaningContext.NONE);
        if (!once.equals(twice)) failures.add(type.name() + ": '" + raw + "' -> " + once.value() + " -> " + twice);
        if (once.value().length() > type.maxLength()) failures.add(type.name() + ": '" + once.value() + "' longer than maxLength");
        if (type.compare(once.value(), once.value()) != 1.0) failures.add(type.name() + ": '" + once.value() + "' unlike itself");
      }
    });
    assertThat(failures).isEmpty();
  }

  @Test
  void everyTypeRejectsNullAndBlankWithAReason() {
    for (PropertyType t : Types.all()) {
      for (String raw : Arrays.asList(null, "", "   ")) {
        Cleaned c = t.clean(raw, CleaningContext.NONE);
        assertThat(c).as(t.name() + " '" + raw + "'").isInstanceOf(Cleaned.Invalid.class);
        assertThat(((Cleaned.Invalid) c).reason()).as(t.name()).isNotBlank();
      }
    }
  }

  @Test
  void cleanedValueThrowsForAnInvalidValue() {
    assertThat(Cleaned.valid("x").value()).isEqualTo("x");
    assertThat(Cleaned.valid("x").isValid()).isTrue();
    assertThatThrownBy(() -> Cleaned.invalid("no month 13").value())
        .isInstanceOf(IllegalStateException.class).hasMessage("invalid value: no month 13");
  }

  @Test
  void cleaningContextKeepsTheOrderOfCountriesAndDropsNulls() {
    LinkedHashSet<String> countries = new LinkedHashSet<>();
    for (String c : new String[] {"ly", "tn", "it", "de", "fr", "gb", "us", "ca", "jp", "al"}) countries.add(c);
    countries.add(null);
    CleaningContext ctx = CleaningContext.of(countries);
    assertThat(ctx.countries()).containsExactly("ly", "tn", "it", "de", "fr", "gb", "us", "ca", "jp", "al");
    assertThat(ctx.withFormat("imo").countries()).containsExactlyElementsOf(ctx.countries());
    assertThat(ctx.withFormat("imo").format()).isEqualTo("imo");
    assertThat(new CleaningContext(null, null).countries()).isEmpty();
    assertThat(CleaningContext.NONE.countries()).isEmpty();
    assertThatThrownBy(() -> ctx.countries().add("xk")).isInstanceOf(UnsupportedOperationException.class);
  }
}
