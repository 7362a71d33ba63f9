package io.hashdesk.currency;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hashdesk.web.ErrorMapper;

/**
 * A fleet entered in a currency that has no rate (which the lock shared by fleet and currency writes
 * prevents, but rows changed outside hashdesk may still show) is a clear 409 naming the currency and
 * where to enter its rate, never a server error.
 */
public class NoRateMapper {

    @ServerExceptionMapper
    public Response noRate(CurrencyService.NoRate e, UriInfo uri) {
        return ErrorMapper.refusal(uri.getPath(), 409, "No rate for " + e.code,
                "Part of your fleet (a site's tariff or hosting fee, or a rig group's purchase price) is in " + e.code
                        + ", which has no rate, so its figures cannot be priced. Enter a rate for " + e.code
                        + " on /settings (Currency), or change those amounts to another currency.");
    }
}
