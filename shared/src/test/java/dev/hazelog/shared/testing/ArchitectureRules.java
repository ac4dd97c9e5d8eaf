package dev.hazelog.shared.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rooms every service has: {@code http} (routes, wire records, calls out), {@code domain} (the logic) and
 * {@code config} (properties and beans). The domain knows neither of the others; services share only
 * {@code dev.hazelog.shared}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static void verify(Class<?> application) {
        String base = application.getPackageName();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);

        noClasses()
                .that()
                .resideInAPackage(base + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".http..", base + ".config..", "org.springframework.web..")
                .because("the domain is reached through http and wired by config, never the other way round")
                .allowEmptyShould(true) // the messages service has no logic yet, so no domain
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(base + ".http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.hazelcast..")
                .because("routes reach the cluster through the domain")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "belong to another Hazelog service",
                        other -> other.getPackageName().startsWith("dev.hazelog.")
                                && !other.getPackageName().startsWith(base)
                                && !other.getPackageName().startsWith("dev.hazelog.shared")))
                .because("services talk over HTTP only")
                .check(classes);
    }
}
