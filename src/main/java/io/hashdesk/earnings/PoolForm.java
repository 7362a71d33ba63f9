package io.hashdesk.earnings;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/** The /pools form as typed (kept as text so a mistake is shown beside the field with the input kept). */
public class PoolForm {

    @RestForm
    public String name;
    @RestForm
    public String kind;
    @RestForm
    public String siteId;
    /** Never put back into a page: a form shown again leaves the token field empty. */
    @RestForm
    public String token;
    @RestForm
    public String thresholdPercent;

    static PoolForm blank() {
        PoolForm f = new PoolForm();
        f.kind = PoolAccount.BRAIINS;
        f.thresholdPercent = "90";
        return f;
    }

    static PoolForm of(PoolAccount a) {
        PoolForm f = new PoolForm();
        f.name = a.name;
        f.kind = a.kind;
        f.siteId = a.siteId == null ? "" : a.siteId.toString();
        f.thresholdPercent = Numbers.plain(a.thresholdPercent);
        return f;
    }

    /** The input for the service; what cannot be read as a number goes to {@code errors}. */
    PoolInput toInput(FormErrors errors) {
        Long site = Numbers.whole(siteId, "siteId", errors, "Choose one of your sites, or the whole fleet.");
        Double threshold = Numbers.decimal(thresholdPercent, "thresholdPercent", errors,
                "Enter a threshold from 0 to 100 %.");
        return new PoolInput(null, name, kind, site, token, null, null, threshold, null, null, null, null);
    }

    public boolean siteIs(Long id) {
        return id != null && id.toString().equals(siteId);
    }
}
