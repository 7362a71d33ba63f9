package io.hashdesk.alerts;

/**
 * What an evaluator sees for one subject of one rule on one snapshot: a verdict ({@code null} when the
 * figures sit inside the margin, undecided) and what to say if that verdict becomes the rule's state.
 *
 * @param subject what the state is about: "group:17", "price", "data" (at most 40 characters)
 * @param confirmations consecutive evaluations a new verdict needs before it is the state
 * @param message what the change from one state to another says; null from it: a change that fires nothing
 */
public record Observation(long ruleId, long operatorId, String kind, String subject, String verdict,
        int confirmations, Messenger message) {

    /** The alert a confirmed change fires, or null for a silent change. */
    @FunctionalInterface
    public interface Messenger {
        AlertMessage on(String from, String to);
    }
}
