package io.hashdesk.alerts;

import java.util.List;

import io.hashdesk.economics.Fleet;

/**
 * An operator's fleet as the evaluation needs it: the economics' fleet and, per group (same order), its
 * model and site name for the alert's words. Kept between evaluations while the fleet version holds.
 */
public record FleetFacts(long version, Fleet fleet, List<String> models, List<String> siteNames,
        List<Boolean> curtailing) {
}
