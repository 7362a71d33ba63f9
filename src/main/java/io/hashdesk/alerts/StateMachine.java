package io.hashdesk.alerts;

import java.time.Instant;

/**
 * A rule's state for one subject, step by step: a verdict different from the state becomes the state
 * after {@code confirmations} consecutive evaluations; an undecided evaluation (inside the margin) or
 * the state's own verdict starts the count again. The first verdict ever seen (or the first after an
 * unknown one) sets the state without firing: an alert is about a change, not about how things were.
 * Each snapshot counts once ({@code observedAt}), however many instances evaluate it.
 */
public final class StateMachine {

    public static final String UNKNOWN = "unknown";

    private StateMachine() {
    }

    /** A stored state. */
    public record State(String state, String pending, int pendingCount, Instant observedAt, long changes) {
    }

    public enum Action {
        /** Nothing to write. */
        NONE,
        /** First sight: store {@code state}. */
        INSERT,
        /** Store the pending verdict and its count (or clear them), the state unchanged. */
        PENDING,
        /** The state becomes {@code state} without an alert (from unknown). */
        SETTLE,
        /** The state becomes {@code state}, and the change fires. */
        FIRE
    }

    public record Step(Action action, String state, String pending, int pendingCount) {
        static final Step NONE = new Step(Action.NONE, null, null, 0);
    }

    public static Step step(State s, String verdict, int confirmations, Instant at) {
        if (s == null) {
            return new Step(Action.INSERT, verdict == null ? UNKNOWN : verdict, null, 0);
        }
        if (!s.observedAt().isBefore(at)) {
            return Step.NONE;
        }
        if (verdict == null || verdict.equals(s.state())) {
            return s.pending() == null ? Step.NONE : new Step(Action.PENDING, s.state(), null, 0);
        }
        if (UNKNOWN.equals(s.state())) {
            return new Step(Action.SETTLE, verdict, null, 0);
        }
        int count = (verdict.equals(s.pending()) ? s.pendingCount() : 0) + 1;
        if (count >= Math.max(1, confirmations)) {
            return new Step(Action.FIRE, verdict, null, 0);
        }
        return new Step(Action.PENDING, s.state(), verdict, count);
    }
}
