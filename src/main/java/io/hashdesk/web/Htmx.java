package io.hashdesk.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;

/**
 * The htmx headers hashdesk reads and writes, in one place. A resource takes {@code @BeanParam Htmx htmx}
 * to learn whether htmx sent the request and which field triggered it; the static helpers write the
 * response headers htmx acts on.
 */
public class Htmx {

    /** Sent by htmx on every request it makes. */
    public static final String REQUEST = "HX-Request";
    /** The id of the element that triggered the request. */
    public static final String TRIGGER = "HX-Trigger";
    /** The name of the element that triggered the request. */
    public static final String TRIGGER_NAME = "HX-Trigger-Name";
    /** Answer header: the whole browser goes to this path instead of swapping the answer in. */
    public static final String REDIRECT = "HX-Redirect";
    /** Answer header: events htmx raises once the answer is swapped in and settled. */
    public static final String TRIGGER_AFTER_SETTLE = "HX-Trigger-After-Settle";

    @HeaderParam(REQUEST)
    String request;

    @HeaderParam(TRIGGER)
    String trigger;

    @HeaderParam(TRIGGER_NAME)
    String triggerName;

    public Htmx() {
    }

    Htmx(String request, String trigger, String triggerName) {
        this.request = request;
        this.trigger = trigger;
        this.triggerName = triggerName;
    }

    /** True when htmx sent the request: answer the fragment it swaps in, not the whole page. */
    public boolean isRequest() {
        return request != null;
    }

    /**
     * The form field the request was triggered from: the input's name when the input itself made the
     * request, else the field wrapper's id without its "field-" prefix ("field-units" -> "units").
     */
    public String triggerField() {
        if (triggerName != null && !triggerName.isBlank()) {
            return triggerName;
        }
        if (trigger != null && trigger.startsWith("field-")) {
            return trigger.substring("field-".length());
        }
        return trigger;
    }

    /** A 200 that sends the whole browser to {@code path} (htmx would swap a redirect's page into the part). */
    public static Response redirect(String path) {
        return Response.ok().header(REDIRECT, path).build();
    }

    /** Adds the event {@code event}, raised on {@code target} once htmx has settled the answer. */
    public static Response.ResponseBuilder afterSettle(Response.ResponseBuilder answer, String event, String target) {
        return answer.header(TRIGGER_AFTER_SETTLE, "{\"" + event + "\": {\"target\": \"" + target + "\"}}");
    }
}
