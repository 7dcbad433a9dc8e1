package org.mirabella.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mirabella.model.InvalidData;

class CheckKindTest {
  @Test
  void phoneInLocalFormIsReadInTheCheckpointsCountry() {
    assertThat(CheckKind.PHONE.key("091-2345678", "ly").value()).isEqualTo("+218912345678");
    assertThat(CheckKind.PHONE.key("00218 91 234 5678", null).value()).isEqualTo("+218912345678");
  }

  @Test
  void namesCompareCaseFolded() {
    assertThat(CheckKind.NAME.key("  MOHAMED  Abdelrahman ", null).value()).isEqualTo("mohamed abdelrahman");
    assertThat(CheckKind.NAME.storedKey("Mohamed Abdelrahman")).isEqualTo("mohamed abdelrahman");
  }

  @Test
  void documentsAndPlatesAreCompacted() {
    assertThat(CheckKind.DOCUMENT.key("ly-12 345.67", null).value()).isEqualTo("LY1234567");
    assertThat(CheckKind.PLATE.key("AB 123 CD", null).value()).isEqualTo("AB123CD");
    assertThat(CheckKind.IBAN.key("GB82 WEST 1234 5698 7654 32", null).value()).isEqualTo("GB82WEST12345698765432");
  }

  @Test
  void aValueThatCannotBeCleanedIsRejectedWithItsReason() {
    assertThatThrownBy(() -> FieldCheck.of("op", "IT", "Lampedusa", "it", CheckKind.IBAN, "GB00 WEST 1234", "officer"))
        .isInstanceOf(InvalidData.class).hasMessageContaining("value");
  }
}
