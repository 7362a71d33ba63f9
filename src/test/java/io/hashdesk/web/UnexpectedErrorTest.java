package io.hashdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import java.lang.reflect.Proxy;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** What the 500 answer tells a user: it cannot know whether part of the request was saved, so it must not say so. */
class UnexpectedErrorTest {

    @Test
    void theAnswerToAnUnexpectedErrorDoesNotPromiseThatNothingChanged() {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/sites" : null);
        Response response = new ErrorMapper().unexpected(new IllegalStateException("after the first write"), uri);

        assertEquals(500, response.getStatus());
        String detail = ((Problem) response.getEntity()).detail();
        assertFalse(detail.toLowerCase(Locale.ROOT).contains("nothing was changed"), detail);
        assertTrue(detail.contains("may have been saved") && detail.contains("Reference: "), detail);
    }
}
