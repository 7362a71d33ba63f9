package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The published API: docs/openapi.yaml is the document the app generates, it names every /api/v1 route
 * the app has, and script writers find it (signed out, on both ports, linked from /settings).
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.yaml");
    static final String REFRESH = "Refresh it with: ./mvnw -B -Popenapi -DskipTests package (writes docs/openapi.yaml"
            + " from the build) and commit the file.";
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /**
     * Compared as documents, not as text: the generator does not always write a schema's keys in the same
     * order (type before or after description), which changes nothing a reader or a client sees.
     */
    @Test
    void theCheckedInDocumentIsTheOneTheAppGenerates() throws IOException {
        String generated = given().get("/api/openapi").then().statusCode(200).extract().asString();
        List<String> differences = new ArrayList<>();
        differences(YAML.readTree(generated), YAML.readTree(CHECKED_IN.toFile()), "", differences);
        assertThat(differences).as("docs/openapi.yaml differs from the document the app generates at these places"
                + " (generated vs checked in). " + REFRESH).isEmpty();
    }

    @Test
    void everyApiRouteOfTheAppIsInTheCheckedInDocument() throws IOException {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = YAML.readTree(CHECKED_IN.toFile()).path("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> routes = apiRoutes();
        assertThat(routes).as("the app's /api/v1 routes (found in the compiled resources)").hasSizeGreaterThan(10)
                .contains("GET /api/v1/projection", "POST /api/v1/rigs/import", "DELETE /api/v1/sites/{id}");
        assertThat(documented).as("routes of the app missing from docs/openapi.yaml. " + REFRESH)
                .containsAll(routes);
        assertThat(routes).as("docs/openapi.yaml names routes the app does not have. " + REFRESH)
                .containsAll(documented);
    }

    @Test
    void theDocumentDescribesTheBearerTokenAndProblemDetails() throws IOException {
        JsonNode doc = YAML.readTree(CHECKED_IN.toFile());
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties").has("errors")).isTrue();
        JsonNode create = doc.at("/paths/~1api~1v1~1sites/post");
        assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Site");
        assertThat(create.at("/responses/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/paths/~1api~1v1~1projection/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Projection");
        assertThat(doc.at("/components/schemas/Projection/properties").has("groups")).isTrue();
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/v1/"));
    }

    @Test
    void scriptWritersFindItSignedOutOnBothPortsAndFromTheTokens() {
        String main = given().redirects().follow(false).get("/api/openapi").then().statusCode(200)
                .contentType("application/yaml").extract().asString();
        assertThat(main).contains("/api/v1/rigs/import").doesNotContain("@");
        given().get("/api/openapi?format=json").then().statusCode(200).contentType("application/json");
        String onManagement = given().baseUri("http://" + management.getHost() + ":" + management.getPort())
                .get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(normalised(onManagement)).isEqualTo(normalised(main));
        Operators.Session s = Operators.newSignedIn("openapi");
        assertThat(given().cookies(s.cookies()).get("/settings").then().statusCode(200).extract().asString())
                .contains("<a href=\"/api/openapi\" id=\"openapi-link\">");
    }

    /** Every JAX-RS method under /api/v1 in the compiled application, as "METHOD /path". */
    static Set<String> apiRoutes() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(Path.of("target/classes/io/hashdesk"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        DotName path = DotName.createSimple("jakarta.ws.rs.Path");
        Set<String> routes = new TreeSet<>();
        for (AnnotationInstance a : index.getAnnotations(path)) {
            if (a.target().kind() != org.jboss.jandex.AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo c = a.target().asClass();
            String base = "/" + strip(a.value().asString());
            if (!base.startsWith("/api/v1/")) {
                continue;
            }
            for (MethodInfo m : c.methods()) {
                for (String http : METHODS) {
                    if (m.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        AnnotationInstance sub = m.declaredAnnotation(path);
                        routes.add(http + " " + (sub == null ? base : base + "/" + strip(sub.value().asString())));
                    }
                }
            }
        }
        return routes;
    }

    private static String strip(String p) {
        String s = p.startsWith("/") ? p.substring(1) : p;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Where two documents differ, as JSON pointers with both values (the first 20). */
    static void differences(JsonNode generated, JsonNode checkedIn, String at, List<String> out) {
        if (out.size() >= 20 || generated.equals(checkedIn)) {
            return;
        }
        if (generated.isObject() && checkedIn.isObject()) {
            Set<String> names = new TreeSet<>();
            generated.fieldNames().forEachRemaining(names::add);
            checkedIn.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!generated.has(name) || !checkedIn.has(name)) {
                    out.add(path + (generated.has(name) ? " is missing from docs/openapi.yaml" : " is not generated"));
                } else {
                    differences(generated.get(name), checkedIn.get(name), path, out);
                }
            }
        } else {
            out.add(at + ": " + abbreviated(generated) + " vs " + abbreviated(checkedIn));
        }
    }

    private static String abbreviated(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static String normalised(String yaml) {
        return yaml.replace("\r\n", "\n").strip();
    }
}
