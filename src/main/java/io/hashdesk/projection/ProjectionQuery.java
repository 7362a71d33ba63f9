package io.hashdesk.projection;

import jakarta.ws.rs.QueryParam;

import io.hashdesk.economics.Scenario;
import io.hashdesk.web.FormErrors;

/**
 * The ten query parameters of a projection (the page, a rig group's outlook, the CSV), as typed: the
 * scenario's assumptions and the options shown beside it. Each route reads the ones it takes and checks
 * them once, with {@link ScenarioInput} and {@link ProjectionOptions}, by these names.
 */
public record ProjectionQuery(@QueryParam("days") String days, @QueryParam("priceDriftPercent") String priceDriftPercent,
        @QueryParam("hashrateGrowthPercent") String hashrateGrowthPercent,
        @QueryParam("feesPerBlockBtc") String feesPerBlockBtc, @QueryParam("policy") String policy,
        @QueryParam("groups") String groups, @QueryParam("paths") String paths,
        @QueryParam("volatilityPercent") String volatilityPercent, @QueryParam("seed") String seed,
        @QueryParam("uptime") String uptime) {

    /** The scenario's assumptions under a name (the page's, or what the route calls it). */
    public ScenarioInput scenario(String name) {
        return new ScenarioInput(name, days, priceDriftPercent, hashrateGrowthPercent, feesPerBlockBtc);
    }

    /** Every option: the CSV's (and the JSON's). */
    public ProjectionOptions options() {
        return new ProjectionOptions(policy, groups, paths, volatilityPercent, seed, uptime);
    }

    /**
     * What the page takes beside the scenario: the policy, the paths' volatility (their count is its own) and
     * the uptime.
     */
    public ProjectionOptions pageOptions() {
        return new ProjectionOptions(policy, null, null, volatilityPercent, null, uptime);
    }

    /** What a rig group's outlook takes beside the scenario: the policy. */
    public ProjectionOptions policyOnly() {
        return new ProjectionOptions(policy, null, null, null, null);
    }

    /**
     * The scenario and the options, checked once.
     *
     * @param riskByDefault see {@link ProjectionOptions#parse}
     */
    public static Checked check(ScenarioInput input, ProjectionOptions options, boolean riskByDefault) {
        ScenarioInput.Result scenario = input.parse();
        return new Checked(scenario, options.parse(riskByDefault, scenario.ok() ? scenario.scenario().days() : null));
    }

    /** A checked query: the scenario (or its errors) and the options (or theirs). */
    public record Checked(ScenarioInput.Result scenario, ProjectionOptions.Parsed options) {

        public boolean ok() {
            return scenario.ok() && options.ok();
        }

        /** Every message by parameter name, the scenario's first. */
        public FormErrors errors() {
            return FormErrors.none().addAll(scenario.errors()).addAll(options.errors());
        }

        /** The scenario under the chosen policy (only when {@link #ok()}). */
        public Scenario withPolicy() {
            return scenario.scenario().withPolicy(options.policy());
        }
    }
}
