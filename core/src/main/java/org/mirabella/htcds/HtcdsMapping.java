package org.mirabella.htcds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirabella.model.Entity;
import org.mirabella.model.InvalidData;
import org.mirabella.model.Model;
import org.mirabella.model.types.Cleaned;
import org.mirabella.provenance.Provenance;
import org.mirabella.provenance.SubjectCategory;

/**
 * Maps a victim ({@code Person} of category victim, with its {@code VictimReport}s) to an HTCDS case
 * record and back.
 *
 * <p>Fields with a Mirabella property travel as that property (names, birth date, gender, citizenship,
 * identity number, e-mail, phones, languages, type of exploitation, action plan). Every other HTCDS
 * field an imported record carries is kept, one {@code field: value} line each, in the victim report's
 * {@code description} under the header {@value #HEADER}, so that a round trip loses nothing. Where a
 * record was not imported (a victim recorded in Mirabella), the case fields are derived instead:
 * trafficking status "possible victim" decided by the police, status active, the exploitation date
 * and the age when trafficked. The referral context (who refers to whom, when) is always that of the
 * export.
 */
public final class HtcdsMapping {
  public static final String HEADER = "HTCDS v2.0 fields:";

  /** The referral an export is made for. */
  public record Referral(String referringOrganisation, String referredOrganisation, LocalDate date) {}

  private static final Map<String, String> GENDER = Map.of("female", "Feminine", "male", "Masculine", "other", "NonConforming");
  /** Mirabella's exploitation words (VictimReport.exploitationType) and the HTCDS codes. */
  private static final Map<String, String> EXPLOITATION = Map.of(
      "sexual", "SexualExploitation", "labour", "ForcedLabour", "domestic servitude", "Servitude",
      "organ removal", "OrganRemoval", "forced marriage", "ForcedMarriage", "begging", "ForcedBegging",
      "child labour", "ChildLabour");
  private static final Set<String> MAPPED = Set.of("prs_FirstName", "prs_MiddleName", "prs_SecondName", "prs_Birthdate",
      "prs_Citizenship", "prs_IdentityNumber", "prs_Email", "prs_MobilePhone", "prs_HomePhone", "prs_PrimaryLanguage",
      "prs_SecondaryLanguage", "vic_TypeOfExploitation", "spl_ActionPlan");

  private HtcdsMapping() {}

  /** The HTCDS record of a victim and the victim's reports. */
  public static HtcdsRecord toRecord(Entity person, List<Entity> reports, Referral referral) {
    Map<String, String> f = new LinkedHashMap<>();
    String first = person.first("firstName");
    String last = person.first("lastName");
    String name = person.first("name");
    if (first == null && last == null && name != null) {
      int sp = name.lastIndexOf(' ');
      first = sp < 0 ? name : name.substring(0, sp);
      last = sp < 0 ? null : name.substring(sp + 1);
    }
    f.put("prs_FirstName", first);
    f.put("prs_MiddleName", person.first("middleName"));
    f.put("prs_SecondName", last);
    f.put("prs_Birthdate", person.first("birthDate"));
    f.put("prs_Citizenship", join(person.values("nationality").stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()));
    f.put("prs_IdentityNumber", person.first("idNumber"));
    f.put("prs_Email", person.first("email"));
    List<String> phones = person.values("phone");
    f.put("prs_MobilePhone", phones.isEmpty() ? null : phones.get(0));
    f.put("prs_HomePhone", phones.size() < 2 ? null : phones.get(1));
    List<String> langs = person.values("spokenLanguage");
    f.put("prs_PrimaryLanguage", langs.isEmpty() ? null : langs.get(0));
    f.put("prs_SecondaryLanguage", langs.size() < 2 ? null : langs.get(1));
    Set<String> types = new LinkedHashSet<>();
    Map<String, String> kept = new LinkedHashMap<>();
    boolean imported = false;
    Entity main = reports.isEmpty() ? null : reports.get(0);
    for (Entity r : reports) {
      for (String t : r.values("exploitationType")) types.add(EXPLOITATION.getOrDefault(t.toLowerCase(Locale.ROOT), code(t)));
      String d = r.first("description");
      if (d != null && d.startsWith(HEADER)) {
        imported = true;
        for (String line : d.substring(HEADER.length()).split("\n")) {
          int colon = line.indexOf(": ");
          if (colon > 0) kept.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
        }
      }
    }
    f.put("vic_TypeOfExploitation", join(List.copyOf(types)));
    f.put("spl_ActionPlan", main == null ? null : main.first("safeguarded"));
    String gender = person.first("gender");
    if (gender != null && GENDER.containsKey(gender)) f.put("prs_Gender", GENDER.get(gender));
    if (!imported) {
      f.put("vic_TraffickingStatus", "PossibleVictimOfTrafficking");
      f.put("vic_TraffickingStatusDecisionMakingOrg", "Police");
      f.put("cas_Status", "Active");
      String start = main == null ? null : main.first("startDate");
      if (start != null) {
        f.put("hte_Date", start);
        f.put("hte_Type", "Exploitation");
        Integer age = age(person.first("birthDate"), start);
        if (age != null) f.put("vic_AgeWhenTrafficked", String.valueOf(age));
      }
    }
    kept.forEach(f::putIfAbsent);
    if (referral != null) {
      f.put("cas_ReferringOrganisation", referral.referringOrganisation());
      f.put("cas_ReferredOrganisation", referral.referredOrganisation());
      f.put("cas_OutgoingReferralDate", referral.date() == null ? null : referral.date().toString());
    }
    return new HtcdsRecord(f);
  }

  /**
   * The victim and the victim report of an HTCDS record, owned by the provenance's agency and case.
   * Ids are derived from the record, so importing the same record twice adds nothing. A value a
   * property type rejects is an {@link InvalidData} naming the field.
   */
  public static List<Entity> fromRecord(HtcdsRecord r, Model model, Provenance p) {
    String base = "htcds-" + p.agency().toLowerCase(Locale.ROOT) + "-" + digest(p.caseRef() + "\u0000" + r.fields());
    Entity person = new Entity(base + "-p", model.require("Person"), p.agency(), p.caseRef(), SubjectCategory.VICTIM, null);
    Entity report = new Entity(base + "-v", model.require("VictimReport"), p.agency(), p.caseRef(), SubjectCategory.VICTIM, null);
    // Countries first: they are the hint for local phone numbers.
    for (String c : split(r.get("prs_Citizenship"))) add(person, "nationality", c, p, "prs_Citizenship");
    add(person, "firstName", r.get("prs_FirstName"), p, "prs_FirstName");
    add(person, "middleName", r.get("prs_MiddleName"), p, "prs_MiddleName");
    add(person, "lastName", r.get("prs_SecondName"), p, "prs_SecondName");
    String full = String.join(" ", java.util.stream.Stream.of(r.get("prs_FirstName"), r.get("prs_MiddleName"), r.get("prs_SecondName"))
        .filter(x -> x != null && !x.isBlank()).toList());
    add(person, "name", full.isBlank() ? null : full, p, "prs_FirstName");
    add(person, "birthDate", r.get("prs_Birthdate"), p, "prs_Birthdate");
    add(person, "idNumber", r.get("prs_IdentityNumber"), p, "prs_IdentityNumber");
    add(person, "email", r.get("prs_Email"), p, "prs_Email");
    add(person, "phone", r.get("prs_MobilePhone"), p, "prs_MobilePhone");
    add(person, "phone", r.get("prs_HomePhone"), p, "prs_HomePhone");
    add(person, "spokenLanguage", r.get("prs_PrimaryLanguage"), p, "prs_PrimaryLanguage");
    add(person, "spokenLanguage", r.get("prs_SecondaryLanguage"), p, "prs_SecondaryLanguage");
    String gender = r.get("prs_Gender");
    String mirabellaGender = GENDER.entrySet().stream().filter(e -> e.getValue().equals(gender)).map(Map.Entry::getKey).findFirst().orElse(null);
    add(person, "gender", mirabellaGender, p, "prs_Gender");

    add(report, "victim", person.id(), p, "victim");
    for (String t : split(r.get("vic_TypeOfExploitation"))) {
      String word = EXPLOITATION.entrySet().stream().filter(e -> e.getValue().equals(t)).map(Map.Entry::getKey).findFirst().orElse(t);
      add(report, "exploitationType", word, p, "vic_TypeOfExploitation");
    }
    add(report, "safeguarded", r.get("spl_ActionPlan"), p, "spl_ActionPlan");
    if (r.get("hte_Date") != null && (r.get("hte_Type") == null || "Exploitation".equals(r.get("hte_Type")))) {
      add(report, "startDate", r.get("hte_Date"), p, "hte_Date");
    }
    String age = r.get("vic_AgeWhenTrafficked");
    if (age != null) add(report, "minor", Integer.parseInt(age.replaceAll("\\.0+$", "")) < 18 ? "true" : "false", p, "vic_AgeWhenTrafficked");
    StringBuilder kept = new StringBuilder(HEADER);
    r.fields().forEach((k, v) -> {
      if (MAPPED.contains(k) || k.equals("prs_Gender") && mirabellaGender != null) return;
      kept.append('\n').append(k).append(": ").append(v.replace('\n', ' '));
    });
    add(report, "description", kept.toString(), p, "description");
    return List.of(person, report);
  }

  private static void add(Entity e, String prop, String value, Provenance p, String field) {
    if (value == null || value.isBlank()) return;
    if (e.add(prop, value, p) instanceof Cleaned.Invalid bad) throw new InvalidData("Bad HTCDS value", Map.of(field, bad.reason()));
  }

  private static Integer age(String birth, String at) {
    LocalDate b = org.mirabella.report.Period.startOf(birth);
    LocalDate a = org.mirabella.report.Period.startOf(at);
    if (b == null || a == null || birth.length() < 10 || at.length() < 10) return null;
    return Period.between(b, a).getYears();
  }

  /** An unmapped exploitation word as an HTCDS-style code ("forced criminality" -> "ForcedCriminality"). */
  private static String code(String word) {
    if (!word.contains(" ") && !word.isEmpty() && Character.isUpperCase(word.charAt(0))) return word;
    StringBuilder sb = new StringBuilder();
    for (String part : word.split("[\\s_-]+")) {
      if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  static List<String> split(String v) {
    if (v == null || v.isBlank()) return List.of();
    List<String> out = new ArrayList<>();
    for (String s : v.split(";")) if (!s.isBlank()) out.add(s.strip());
    return out;
  }

  private static String join(List<String> vs) {
    return vs.isEmpty() ? null : String.join(";", vs);
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
