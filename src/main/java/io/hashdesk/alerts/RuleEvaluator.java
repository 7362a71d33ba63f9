package io.hashdesk.alerts;

import java.util.List;

/**
 * One kind of rule: what it sees on a snapshot, as observations for the state machine. An evaluator is
 * an {@code @ApplicationScoped} bean; the evaluation finds it by its kind.
 */
public interface RuleEvaluator {

    AlertKind kind();

    /** True when the kind reads the operator's fleet (its figures are computed only for such rules). */
    default boolean needsFleet() {
        return false;
    }

    /** True when the kind reads the operator's pool accounts. */
    default boolean needsPools() {
        return false;
    }

    /** True when the kind is also evaluated on a timer, between refreshes (a refresh that never comes). */
    default boolean timed() {
        return false;
    }

    void evaluate(Rule rule, OperatorFacts facts, List<Observation> out);
}
