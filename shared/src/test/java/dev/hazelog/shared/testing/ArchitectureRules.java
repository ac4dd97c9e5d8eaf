package dev.hazelog.shared.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rooms every service has: {@code http} (routes in, their wire records), {@code domain} (the rules) and
 * {@code config} (properties and beans); the facade adds {@code client} (calls out to the other services) and a
 * logging service {@code hazelcast} (the adapter to its member and the map) and {@code jdbc} (the database behind the
 * map). The domain knows none of the others, nor HTTP, Hazelcast or JDBC: transport and storage are translated into domain exceptions and values at the edge. Services
 * share only {@code dev.hazelog.shared}.
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
                .resideInAnyPackage(
                        base + ".http..",
                        base + ".client..",
                        base + ".config..",
                        base + ".hazelcast..",
                        base + ".jdbc..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "dev.hazelog.shared.http..",
                        "com.hazelcast..")
                .because("the domain holds the rules alone; HTTP and Hazelcast are translated at the edge")
                .allowEmptyShould(true) // the messages service has no logic yet, so no domain
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(base + ".http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".client..", base + ".hazelcast..", base + ".jdbc..", "com.hazelcast..")
                .because("routes reach other services, the cluster and the database through the domain")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(base + ".client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".http..")
                .because("calls out do not depend on the routes in")
                .allowEmptyShould(true) // only the facade calls out
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages(base + ".hazelcast..", base + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.hazelcast..")
                .because("the member and its map belong to the Hazelcast adapter, which config only wires")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages(base + ".jdbc..", base + ".config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.flywaydb..")
                .because("the database belongs to the JDBC adapter, which config only wires")
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
