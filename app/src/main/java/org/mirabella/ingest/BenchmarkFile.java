package org.mirabella.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The import benchmark's synthetic export (an Italian-style CSV: {@code ;}-separated,
 * {@code dd/MM/yyyy} dates, decimal comma; one row per payment, two payments per person) and its
 * mapping: used by {@code mirabella bench import} and by tests that need an import of its shape.
 */
public final class BenchmarkFile {
  private BenchmarkFile() {}

  public static final String MAPPING = """
      source: {format: csv, delimiter: ";", dateFormats: ["dd/MM/yyyy"], decimalComma: true}
      provenance:
        category: {column: role, map: {s: suspect, v: victim}}
        grade: {column: grade}
      entities:
        person:
          schema: Person
          keys: [person_id]
          properties:
            firstName: {column: first}
            lastName: {column: last}
            name: {template: "{first} {last}"}
            birthDate: {column: born}
            nationality: {literal: it}
            idNumber: {column: doc}
        payment:
          schema: Payment
          keys: [payment_id]
          properties:
            payer: {entity: person}
            amount: {column: amount}
            currency: {literal: EUR}
            date: {column: paid}
            purpose: {column: purpose}
      """;

  /** A synthetic export: one row per payment, two payments per person: 8 statements per row on average (a Payment each, a Person every second row). */
  public static Path write(Path file, long rows) throws IOException {
    Random rnd = new Random(42);
    String[] first = {"Mario", "Amira", "José", "Niccolò", "Fatima", "Ahmed", "Lucia", "Karim", "Elena", "Omar"};
    String[] last = {"Rossi", "Ben Salah", "Müller", "Bianchi", "El Amrani", "Haddad", "Ferrari", "Traoré", "Nowak", "Diallo"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("payment_id;person_id;first;last;born;doc;role;grade;amount;paid;purpose\n");
      for (long i = 0; i < rows; i++) {
        long person = i / 2;
        Random p = new Random(person);
        w.write(i + ";" + person + ";" + first[p.nextInt(first.length)] + ";" + last[p.nextInt(last.length)] + " " + person + ";"
            + String.format("%02d/%02d/%d", 1 + p.nextInt(28), 1 + p.nextInt(12), 1950 + p.nextInt(50)) + ";"
            + "AA" + (1000000 + person) + ";" + (p.nextBoolean() ? "s" : "v") + ";B2;"
            + (100 + rnd.nextInt(9000)) + "," + rnd.nextInt(100) + ";"
            + String.format("%02d/%02d/%d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12), 2015 + rnd.nextInt(10)) + ";"
            + "passaggio " + rnd.nextInt(50) + "\n");
      }
    }
    return file;
  }
}
