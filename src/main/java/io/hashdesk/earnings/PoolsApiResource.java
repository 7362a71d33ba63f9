package io.hashdesk.earnings;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.fleet.StrictJson;
import io.hashdesk.web.CsvReader;
import io.hashdesk.web.Saved;

/** Pool accounts for scripts: the same service, rules and ownership as the /pools page. */
@Path("/api/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolsApiResource {

    @Inject
    PoolService pools;

    @Inject
    PoolFetcher fetcher;

    @Inject
    CurrentOperator current;

    @Inject
    StrictJson json;

    @GET
    public List<PoolJson> list() {
        return pools.views(current.get()).stream().map(PoolService.PoolView::json).toList();
    }

    @GET
    @Path("{id}")
    public PoolJson get(@PathParam("id") long id) {
        return pools.view(current.get(), id).json();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, UriInfo uri) {
        PoolInput in;
        try {
            in = json.read(body, PoolInput.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<PoolAccount> saved = pools.create(current.get(), in);
        if (!saved.ok()) {
            return EarningsProblems.invalid(uri.getPath(), saved.errors());
        }
        long id = saved.value().id;
        return Response.created(URI.create("/api/v1/pools/" + id)).entity(pools.view(current.get(), id).json())
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, byte[] body, UriInfo uri) {
        pools.account(current.get(), id); // 404 before looking at the body
        PoolInput in;
        try {
            in = json.read(body, PoolInput.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<PoolAccount> saved = pools.update(current.get(), id, in);
        if (!saved.ok()) {
            return EarningsProblems.invalid(uri.getPath(), saved.errors());
        }
        return Response.ok(pools.view(current.get(), id).json()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        pools.delete(current.get(), id);
        return Response.noContent().build();
    }

    /** Fetches the closed days not yet stored, now; answers the account as it then is. */
    @POST
    @Path("{id}/fetch")
    public PoolJson fetch(@PathParam("id") long id) {
        PoolAccount account = pools.account(current.get(), id);
        fetcher.fetchNow(account.id);
        return pools.view(current.get(), id).json();
    }

    /**
     * A csv account's daily export ({@code date,btc[,hashrateThs]}), stored all or nothing; a day
     * already stored is replaced. Answers the account as it then is.
     */
    @POST
    @Path("{id}/earnings")
    @Consumes(EarningsCsv.MEDIA_TYPE)
    public Response upload(@PathParam("id") long id, byte[] body, UriInfo uri) {
        try {
            pools.upload(current.get(), id, body == null ? new byte[0] : body);
        } catch (CsvReader.UnreadableException e) {
            return EarningsProblems.uploadRefused(uri.getPath(), e.errors);
        }
        return Response.ok(pools.view(current.get(), id).json()).build();
    }
}
