package org.mirabella.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mirabella.model.types.Types;

class ModelTest {
  private final Model model = Model.get();

  @Test
  void loadsFollowTheMoneySchemataWithInheritance() {
    Schema person = model.require("Person");
    assertThat(person.isA("LegalEntity")).isTrue();
    assertThat(person.isA("Thing")).isTrue();
    assertThat(person.property("name").type()).isSameAs(Types.NAME);
    assertThat(person.property("phone").type()).isSameAs(Types.PHONE);
    assertThat(person.property("birthDate").type()).isSameAs(Types.DATE);
    assertThat(model.require("Vessel").property("imoNumber").format()).isEqualTo("imo");
    for (String name : List.of("Person", "Organization", "Company", "LegalEntity", "Address", "Vehicle", "Vessel",
        "BankAccount", "CryptoWallet", "Passport", "Identification", "UserAccount", "Payment", "Call", "Associate",
        "Family", "Membership", "Ownership", "Event", "Trip", "Note")) {
      assertThat(model.schema(name)).as(name).isNotNull();
    }
  }

  @Test
  void edgeSchemataNameTheirEnds() {
    Schema payment = model.require("Payment");
    assertThat(payment.edge().source()).isEqualTo("payer");
    assertThat(payment.edge().target()).isEqualTo("beneficiary");
    assertThat(model.require("Associate").edge().source()).isEqualTo("person");
  }

  @Test
  void reversePropertiesAppearOnTheRangeAndItsChildren() {
    Property ownershipOwner = model.require("Ownership").property("owner");
    Property reverse = ownershipOwner.reverse();
    assertThat(reverse.stub()).isTrue();
    assertThat(reverse.range().name()).isEqualTo("Ownership");
    assertThat(model.require("Person").property(reverse.name())).isNotNull();
  }

  @Test
  void mirabellaSchemataExtendFtm() {
    Schema crossing = model.require("BorderCrossing");
    assertThat(crossing.isA("Event")).isTrue();
    assertThat(crossing.property("person").range().name()).isEqualTo("Person");
    assertThat(model.require("Person").property("borderCrossings").stub()).isTrue();
    assertThat(model.require("Interception").property("geo").type()).isSameAs(Types.GEOPOINT);
    assertThat(model.require("Arrest").required()).contains("person", "date");
    assertThat(model.require("SmugglingService").edge().source()).isEqualTo("facilitator");
    assertThat(model.require("SmugglingService").property("currency").type()).isSameAs(Types.CURRENCY);
    assertThat(model.require("NetworkRole").property("role").type().clean("scafista").value()).isEqualTo("boatPilot");
    assertThat(model.require("SafeHouseUse").property("safeHouse").range().name()).isEqualTo("Address");
  }

  @Test
  void loaderRejectsUnknownKeys() {
    String yaml = "Call:\n  label: Call\n  properties:\n    duration:\n      label: Duration\n      descriptuon: typo\n";
    assertThatThrownBy(() -> SchemaLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "Call.yaml"))
        .isInstanceOf(InvalidData.class)
        .hasMessageContaining("Call.yaml: Call.duration")
        .hasMessageContaining("unknown key 'descriptuon'");
  }

  @Test
  void loaderRejectsUnknownSchemaKeyUnknownTypeAndUnknownParent() {
    assertThatThrownBy(() -> parseAndBuild("Boat:\n  lable: Boat\n")).hasMessageContaining("unknown key 'lable'");
    assertThatThrownBy(() -> parseAndBuild("Boat:\n  properties:\n    x:\n      type: wibble\n"))
        .hasMessageContaining("unknown property type 'wibble'");
    assertThatThrownBy(() -> parseAndBuild("Boat:\n  extends: [Ship]\n")).hasMessageContaining("unknown schema 'Ship'");
    assertThatThrownBy(() -> parseAndBuild("Boat:\n  caption: [nme]\n")).hasMessageContaining("unknown property 'nme'");
  }

  private static Model parseAndBuild(String yaml) {
    return Model.build(SchemaLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
  }
}
