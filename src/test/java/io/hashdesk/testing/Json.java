package io.hashdesk.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** JSON bodies read without losing digits (REST Assured reads numbers as float by default). */
public final class Json {

    private Json() {
    }

    public static JsonPath exact(String body) {
        return JsonPath.from(body).using(
                JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}
