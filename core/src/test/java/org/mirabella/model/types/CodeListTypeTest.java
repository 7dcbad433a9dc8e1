package org.mirabella.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeListTypeTest {
  private final PropertyType currency = Types.CURRENCY;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      EUR             | EUR
      eur             | EUR
      €               | EUR
      euro            | EUR
      Euros           | EUR
      USD             | USD
      US$             | USD
      US Dollar       | USD
      £               | GBP
      British Pound   | GBP
      Japanese Yen    | JPY
      円              | JPY
      CAD             | CAD
      Libyan Dinar    | LYD
      LYD             | LYD
      TND             | TND
      Egyptian Pound  | EGP
      nakfa           | ERN
      West African CFA Franc | XOF
      """)
  void readsCurrencyCodesNamesAndSymbols(String raw, String code) {
    assertThat(currency.clean(raw).value()).isEqualTo(code);
  }

  @Test
  void rejectsSymbolsSharedByCurrenciesAsAmbiguous() {
    assertThat(currency.clean("$")).isEqualTo(Cleaned.invalid("ambiguous currency '$': one of AUD, CAD, USD"));
    assertThat(currency.clean("dinar")).isEqualTo(Cleaned.invalid("ambiguous currency 'dinar': one of DZD, IQD, JOD, LYD, TND"));
    assertThat(((Cleaned.Invalid) currency.clean("pounds")).reason()).contains("EGP", "GBP", "SDG");
    assertThat(((Cleaned.Invalid) currency.clean("¥")).reason()).contains("CNY", "JPY");
    assertThat(currency.clean("CFA franc")).isEqualTo(Cleaned.invalid("ambiguous currency 'CFA franc': one of XAF, XOF"));
  }

  @Test
  void rejectsUnknownCurrencies() {
    assertThat(currency.clean("bitcoin")).isEqualTo(Cleaned.invalid("unknown currency: 'bitcoin'"));
    assertThat(currency.clean("XYZ")).isEqualTo(Cleaned.invalid("unknown currency: 'XYZ'"));
    assertThat(currency.clean(" ")).isEqualTo(Cleaned.invalid("empty currency"));
  }

  @Test
  void readsGenderInTheLanguagesOfTheAgencies() {
    for (String raw : new String[] {"m", "M", "male", "männlich", "maschio", "homme", "男性", "ذكر"}) {
      assertThat(Types.GENDER.clean(raw).value()).as(raw).isEqualTo("male");
    }
    for (String raw : new String[] {"f", "W", "weiblich", "femmina", "femme", "女性", "أنثى"}) {
      assertThat(Types.GENDER.clean(raw).value()).as(raw).isEqualTo("female");
    }
    assertThat(Types.GENDER.clean("divers").value()).isEqualTo("other");
    assertThat(Types.GENDER.clean("unknown").isValid()).isFalse();
  }

  @Test
  void readsLanguagesAsIso639Part2() {
    assertThat(Types.LANGUAGE.clean("en").value()).isEqualTo("eng");
    assertThat(Types.LANGUAGE.clean("English").value()).isEqualTo("eng");
    assertThat(Types.LANGUAGE.clean("ara").value()).isEqualTo("ara");
    assertThat(Types.LANGUAGE.clean("Tigrinya").value()).isEqualTo("tir");
    assertThat(Types.LANGUAGE.clean("ትግርኛ").value()).isEqualTo("tir");
    assertThat(Types.LANGUAGE.clean("dari").value()).isEqualTo("prs");
    assertThat(Types.LANGUAGE.clean("xx").isValid()).isFalse();
  }

  @Test
  void readsNetworkRolesFromTheirData() {
    assertThat(Types.NETWORK_ROLE.clean("scafista").value()).isEqualTo("boatPilot");
    assertThat(Types.NETWORK_ROLE.clean("Boat pilot").value()).isEqualTo("boatPilot");
    assertThat(Types.NETWORK_ROLE.clean("boatPilot").value()).isEqualTo("boatPilot");
    assertThat(Types.NETWORK_ROLE.clean("hawaladar").value()).isEqualTo("moneyHandler");
    assertThat(Types.NETWORK_ROLE.clean("passeur").value()).isEqualTo("transporter");
    assertThat(((CodeListType) Types.NETWORK_ROLE).codes())
        .contains("organiser", "recruiter", "transporter", "boatPilot", "documentForger", "moneyHandler", "safeHouseKeeper", "lookout");
    assertThat(Types.NETWORK_ROLE.clean("cook")).isEqualTo(Cleaned.invalid("unknown networkRole: 'cook'"));
  }

  @Test
  void readsTopics() {
    assertThat(Types.TOPIC.clean("crime.traffick.human").value()).isEqualTo("crime.traffick.human");
    assertThat(Types.TOPIC.maxLength()).isGreaterThanOrEqualTo("crime.traffick.human".length());
    assertThat(Types.TOPIC.clean("CRIME").value()).isEqualTo("crime");
    assertThat(Types.TOPIC.clean("foo").isValid()).isFalse();
  }

  @Test
  void aCodeAlwaysStandsForItselfEvenIfAnotherCodeListsItAsASpelling() {
    CodeListType t = new CodeListType("size", Map.of("s", Set.of("small"), "m", Set.of("medium", "s")), false);
    assertThat(t.clean("s").value()).isEqualTo("s");
    assertThat(t.clean("medium").value()).isEqualTo("m");
    assertThat(t.codes()).containsExactlyInAnyOrder("s", "m");
  }

  @Test
  void ignoresCaseAccentsAndSpacing() {
    CodeListType t = new CodeListType("colour", Map.of("blue", Set.of("bleu clair")), false);
    assertThat(t.clean("  BLÉU   Clair ").value()).isEqualTo("blue");
  }
}
