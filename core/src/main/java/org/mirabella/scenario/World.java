package org.mirabella.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.mirabella.scenario.NameBank.Name;
import org.mirabella.scenario.Routes.Hop;
import org.mirabella.scenario.Routes.Route;

/**
 * The true world of one network, as the generator makes it and before any agency sees it: the
 * ground truth that agency files are measured against. Ids are the truth's cluster ids.
 */
public final class World {
  private World() {}

  /** What a person is to the network. */
  public enum Kind { MEMBER, CLIENT, VICTIM }

  /**
   * A phone number: E.164 and its region at once; the national and international renderings are made
   * the first time an agency writes the number (most numbers are never seen by any agency).
   */
  public static final class Phone {
    private final String id;
    private final com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number;
    private final String e164;
    private final String region;
    private String national;
    private String international;

    Phone(String id, com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number, String region) {
      this.id = id;
      this.number = number;
      this.e164 = "+" + number.getCountryCode() + (number.hasItalianLeadingZero() ? "0" : "") + number.getNationalNumber();
      this.region = region;
    }

    public String id() {
      return id;
    }

    public String e164() {
      return e164;
    }

    /** The region (lower case) the number was made for. */
    public String region() {
      return region;
    }

    public String national() {
      if (national == null) national = Identifiers.format(number, false);
      return national;
    }

    public String international() {
      if (international == null) international = Identifiers.format(number, true);
      return international;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Phone p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  /** A passport: genuine, or forged (then its MRZ check digit is wrong). */
  public record Passport(String id, String number, String country, LocalDate expiry, boolean forged, String mrz) {}

  /** A bank account (IBAN) or a crypto wallet. */
  public record Account(String id, String kind, String value) {}

  /** A ship or boat: registered ones have an IMO number and MMSI, small boats nothing. */
  public record Vessel(String id, String name, String type, String imo, String mmsi, String flag) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Vessel v && v.id.equals(id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  public record Vehicle(String id, String plate, String country) {}

  /** A safe house or home address. */
  public record Address(String id, String text, String country) {}

  /**
   * A real person. {@code role} is a roles.yaml code for members and null for clients and victims;
   * {@code forcedRole} is the role a victim was forced into (boat pilot, driver), for which transit
   * agencies hold them as suspects.
   */
  public record Person(String id, Kind kind, String role, String forcedRole, String exploitation, String nationality,
      String gender, LocalDate birth, Name given, Name family, List<Phone> phones, Passport passport, Address address,
      List<Account> accounts, Vehicle vehicle) {
    public boolean member() {
      return kind == Kind.MEMBER;
    }

    /** Identity is the cluster id (records would compare every component, deeply). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Person p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }

    /** The phone in use on a date (members change SIM cards over the network's life). */
    public Phone phoneOn(LocalDate d, LocalDate start, LocalDate end) {
      if (phones.size() == 1) return phones.get(0);
      long span = Math.max(1, end.toEpochDay() - start.toEpochDay());
      int i = (int) Math.min(phones.size() - 1, Math.max(0, (d.toEpochDay() - start.toEpochDay()) * phones.size() / span));
      return phones.get(i);
    }
  }

  public record Call(String id, Person caller, Phone callerPhone, Person callee, Phone calleePhone, LocalDateTime start,
      int seconds) {}

  /** A payment; {@code method} is hawala, mto, bank or crypto; accounts only for bank and crypto. */
  public record Payment(String id, Person payer, Person beneficiary, LocalDate date, long amount, String currency,
      String method, Account payerAccount, Account beneficiaryAccount) {}

  /** One leg of a client's journey, sold by a facilitator (a SmugglingService). */
  public record Leg(String id, Person client, Person facilitator, Hop hop, LocalDate date, long price, String currency,
      String method, Vehicle vehicle) {}

  /** A boat crossing; intercepted ones have the country of the intercepting authority and where. */
  public record BoatTrip(String id, Hop hop, LocalDate date, Vessel vessel, Person pilot, List<Person> onBoard,
      String interceptedBy, String geo, boolean frontexSighted) {}

  public record Crossing(String id, Person person, Hop hop, LocalDate date, Vehicle vehicle, boolean irregular) {}

  /** Two members who work together: the true network's edges. */
  public record Tie(Person a, Person b) {}

  /** A network and everything it did. {@code keyPlayers} are in order of removal. */
  public record Network(String id, int index, Route route, String name, LocalDate start, LocalDate end,
      List<Person> members, List<Person> clients, List<Tie> ties, List<Call> calls, List<Payment> payments,
      List<Leg> legs, List<BoatTrip> trips, List<Crossing> crossings, List<Vessel> vessels, List<KeyPlayers.Removal> keyPlayers) {
    public int persons() {
      return members.size() + clients.size();
    }
  }
}
