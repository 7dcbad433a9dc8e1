package org.mirabella;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mirabella.model.Entity;

/**
 * The core is pure: model, property types, statements, matching, analysis, access rules. HTTP,
 * JDBC and the CLI live in {@code app}. Only the core module's own compiled classes are checked
 * (the folder {@link Entity} was loaded from), so the app's classes on a shared class path cannot
 * hide or cause a violation.
 */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() throws URISyntaxException {
    Path classes = Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(classes);
  }

  @Test
  void importsTheCoreModuleAndNothingElse() {
    assertThat(core.contain(Entity.class)).isTrue();
    assertThat(core.contain("org.mirabella.model.types.PhoneType")).isTrue();
    assertThat(core.stream()).allMatch(c -> c.getPackageName().startsWith("org.mirabella"))
        .noneMatch(c -> c.getSimpleName().endsWith("Test"));
  }

  @Test
  void coreDependsOnNoHttpJdbcOrCliLibrary() {
    ArchRule rule = noClasses().that().resideInAPackage("org.mirabella..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet..", "java.net.http..",
            "java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..", "org.h2..", "org.postgresql..",
            "com.zaxxer.hikari..", "picocli..")
        .because("the core must run without a web server or a database: those belong to the app module");
    rule.check(core);
  }
}
