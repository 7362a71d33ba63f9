package io.hashdesk.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The production database: every Flyway migration and the sign-up flow against the machine's
 * PostgreSQL (127.0.0.1:5432, database "test", trust auth), in a schema of its own.
 */
@QuarkusTest
@TestProfile(PostgresProductionTest.OnPostgres.class)
class PostgresProductionTest {

    public static class OnPostgres implements QuarkusTestProfile {
        static final String SCHEMA = "hashdesk_it";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind", "postgresql",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                    "quarkus.datasource.username", System.getProperty("pg.user", "postgres"),
                    "quarkus.datasource.password", "",
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.default-schema", SCHEMA);
        }
    }

    @Test
    void migratesAndKeepsAccountsOnPostgres() {
        String email = Operators.newEmail("pg");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD)
                .then().statusCode(422).body(containsString("already has an account"));
        String session = Operators.signIn(email, Operators.PASSWORD)
                .then().statusCode(302).header("Location", endsWith("/dashboard"))
                .extract().cookie(Operators.SESSION_COOKIE);
        given().cookie(Operators.SESSION_COOKIE, session).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo(email));
    }
}
