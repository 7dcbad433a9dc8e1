package org.mirabella.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mirabella.model.types.CleaningContext;
import org.mirabella.model.types.Types;

class IdentifiersTest {
  private final Identifiers ids = new Identifiers();

  @Test
  void mrzCheckDigitsAreThoseOfTheIcaoSpecimen() {
    // ICAO 9303 part 4 specimen: L898902C3 6, 740812 2, 120415 9
    assertThat(Identifiers.check("L898902C3")).isEqualTo(6);
    assertThat(Identifiers.check("740812")).isEqualTo(2);
    assertThat(Identifiers.check("120415")).isEqualTo(9);
    String mrz = Identifiers.mrz("L898902C3", "it", LocalDate.of(1974, 8, 12), "female", LocalDate.of(2012, 4, 15), false);
    assertThat(mrz).hasSize(44).startsWith("L898902C36ITA7408122F1204159");
    String forged = Identifiers.mrz("L898902C3", "it", LocalDate.of(1974, 8, 12), "female", LocalDate.of(2012, 4, 15), true);
    assertThat(forged.charAt(9)).isNotEqualTo('6');
  }

  @Test
  void phonesAreValidForTheirCountryAndUnique() {
    Set<String> seen = new HashSet<>();
    for (String country : new String[] {"it", "de", "gb", "ly", "tn", "er", "af", "vn", "us", "ca", "jp", "ht", "ve"}) {
      for (int i = 0; i < 50; i++) {
        String e164 = ids.phone(country);
        assertThat(Types.PHONE.clean(e164).value()).isEqualTo(e164);
        assertThat(seen.add(e164)).as(e164).isTrue();
      }
    }
  }

  @Test
  void imoIbanMmsiPlateAndWalletPassTheirTypes() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      assertThat(Types.IDENTIFIER.clean(ids.imo(), CleaningContext.NONE.withFormat("imo")).isValid()).isTrue();
      assertThat(Types.IDENTIFIER.clean(ids.mmsi("ly"), CleaningContext.NONE.withFormat("mmsi")).isValid()).isTrue();
      assertThat(Types.IBAN.clean(ids.iban(i % 2 == 0 ? "it" : "tr", rnd)).isValid()).isTrue();
      assertThat(Types.IDENTIFIER.clean(ids.plate("de"), CleaningContext.NONE.withFormat("plate")).isValid()).isTrue();
      assertThat(Types.IDENTIFIER.clean(ids.wallet(rnd), CleaningContext.NONE.withFormat("crypto")).isValid()).isTrue();
      assertThat(Types.IDENTIFIER.clean(ids.passport("er"), CleaningContext.NONE.withFormat("passport")).isValid()).isTrue();
    }
  }
}
