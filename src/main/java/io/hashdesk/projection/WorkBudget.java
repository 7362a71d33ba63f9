package io.hashdesk.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Formats;

/**
 * How much work one projection request may ask for, checked before any of it is done (a new {@code seed}
 * is a cache miss, so every request must be affordable on its own):
 * <ul>
 * <li>price paths: rig groups x days x paths at most {@code hashdesk.projection.max-path-work};</li>
 * <li>every group's daily series ({@code groups=daily}): rig groups x days at most
 * {@code hashdesk.projection.max-group-days}.</li>
 * </ul>
 * Past either, the field that asked for it (paths or groups) is named with the limit for this fleet.
 */
@ApplicationScoped
public class WorkBudget {

    @Inject
    HashdeskConfig config;

    /** The most price paths a fleet of {@code groups} may run over {@code days} (at least 1, at most the API's bound). */
    public int maxPaths(int groups, int days) {
        long most = config.projection().maxPathWork() / ((long) Math.max(1, groups) * Math.max(1, days));
        return (int) Math.max(1, Math.min(PriceRisk.Options.maxPaths(days), most));
    }

    /**
     * The refusals, by field (empty when the request is affordable).
     *
     * @param risk the price paths asked for, or null
     */
    public FormErrors check(int groups, int days, PriceRisk.Options risk, boolean daily) {
        FormErrors errors = FormErrors.none();
        if (risk != null && (long) groups * days * risk.paths() > config.projection().maxPathWork()) {
            int most = maxPaths(groups, days);
            errors.add("paths", "At most " + Formats.count(most) + " price paths for " + Formats.count(groups)
                    + " rig groups over " + Formats.count(days) + " days (groups x days x paths is limited to "
                    + Formats.count(config.projection().maxPathWork()) + "). Ask for fewer paths or days.");
        }
        if (daily && (long) groups * days > config.projection().maxGroupDays()) {
            long mostDays = Math.max(1, config.projection().maxGroupDays() / Math.max(1, groups));
            errors.add("groups", "Every group's daily series is limited to " + Formats.count(config.projection()
                    .maxGroupDays()) + " group-days: for " + Formats.count(groups) + " rig groups, at most "
                    + Formats.count(mostDays) + " days. Ask for fewer days, or leave groups out for the fleet's totals.");
        }
        return errors;
    }
}
