package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTypeTest {
  private final AddressType address = new AddressType();

  @Test
  void joinsLinesWithCommas() {
    assertThat(address.clean("Via Roma 1\n00100 Roma\r\nItaly").value()).isEqualTo("Via Roma 1, 00100 Roma, Italy");
  }

  @Test
  void foldsSpacesAndStrayCommas() {
    assertThat(address.clean(" Hauptstr. 5 ,, 10115   Berlin ").value()).isEqualTo("Hauptstr. 5, 10115 Berlin");
    assertThat(address.clean("Rue de Rivoli, 75001 Paris,").value()).isEqualTo("Rue de Rivoli, 75001 Paris");
    assertThat(address.clean(", Avenue Habib Bourguiba, Tunis").value()).isEqualTo("Avenue Habib Bourguiba, Tunis");
  }

  @Test
  void keepsNonLatinAddresses() {
    assertThat(address.clean("東京都千代田区霞が関2-1-2").value()).isEqualTo("東京都千代田区霞が関2-1-2");
    assertThat(address.clean("شارع عمر المختار، طرابلس").value()).isEqualTo("شارع عمر المختار، طرابلس");
  }

  @Test
  void rejectsEmptyAndOverlongAddresses() {
    assertThat(address.clean(",,")).isEqualTo(Cleaned.invalid("empty address"));
    assertThat(address.clean(null)).isEqualTo(Cleaned.invalid("empty address"));
    assertThat(address.clean("x".repeat(251))).isEqualTo(Cleaned.invalid("longer than 250 characters"));
  }

  @Test
  void comparesIgnoringCaseAndPunctuation() {
    assertThat(address.compare("Via Roma 1, Roma", "VIA ROMA 1 ROMA")).isEqualTo(1.0);
    assertThat(address.compare("Via Roma 1, Roma", "Via Roma 2, Roma")).isEqualTo(0.0);
    assertThat(AddressType.key("Hauptstr. 5, Berlin")).isEqualTo("hauptstr 5 berlin");
  }

  @Test
  void safeHousesLinkPeople() {
    assertThat(address.pivot()).isTrue();
    assertThat(address.matchable()).isTrue();
  }
}
