package io.hashdesk.fleet;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Small formatting helpers the fleet pages need beyond {@code web.Formats}. */
@TemplateExtension
public final class FleetFormats {

    private FleetFormats() {
    }

    /** A count with thousands separators: "12,400". */
    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** False for NaN and infinities (a figure that does not exist, e.g. payback without profit). */
    public static boolean finite(double value) {
        return Double.isFinite(value);
    }
}
