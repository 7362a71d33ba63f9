package io.hashdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.network.NetworkView;

/** The {@code adjustment} rule through the state machine, refresh by refresh, without the application. */
class AdjustmentAlertTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    static final Rule RULE = new Rule(7, 3, AlertKind.ADJUSTMENT, null, null, 2, 1, null);

    final AdjustmentEvaluator evaluator = new AdjustmentEvaluator();
    final Map<String, StateMachine.State> states = new HashMap<>();
    final List<AlertMessage> fired = new ArrayList<>();

    static NetworkView net(Instant at, long height, double change, double previous, Instant retargetAt) {
        long next = height - height % 2016 + 2016;
        return new NetworkView(1, "mempool", at, false, false, at, 90_000, 1.355e14, height, 0.02, 9e20, 600, change,
                previous, 50, next - height, next, retargetAt, List.of(), null);
    }

    /** One refresh: the evaluator's observations stepped through the state machine, as the evaluation does. */
    void refresh(NetworkView net) {
        List<Observation> out = new ArrayList<>();
        evaluator.evaluate(RULE, new OperatorFacts(3, null, net, net.state(), net.fetchedAt(), net.fetchedAt()), out);
        for (Observation o : out) {
            StateMachine.State s = states.get(o.subject());
            StateMachine.Step step = StateMachine.step(s, o.verdict(), o.confirmations(), net.fetchedAt());
            if (step.action() == StateMachine.Action.FIRE) {
                AlertMessage m = o.message().on(s.state(), step.state());
                if (m != null) {
                    fired.add(m);
                }
            }
            if (step.action() != StateMachine.Action.NONE) {
                states.put(o.subject(), new StateMachine.State(step.state(), step.pending(), step.pendingCount(),
                        net.fetchedAt(), 0));
            }
        }
    }

    @Test
    void firesOnceADayBeforeAndOnceWhenItLandsAndNotAgain() {
        Map<Long, Double> stored = new HashMap<>();
        evaluator.lastEstimate = stored::get;
        Instant retarget = T.plus(Duration.ofDays(3));
        long height = 937_000; // next retarget at 937,440
        refresh(net(T, height, 3.1, -1.5, retarget));
        refresh(net(T.plus(Duration.ofDays(1)), height + 144, 3.0, -1.5, retarget));
        assertThat(fired).as("two days before: nothing yet").isEmpty();
        refresh(net(retarget.minus(Duration.ofHours(23)), height + 290, 3.2, -1.5, retarget));
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).subject()).isEqualTo(
                "Difficulty adjustment in about a day: +3.20 % at block 937,440 (Fri 4 Dec 2026 10:00 UTC)");
        assertThat(fired.get(0).details()).containsEntry("retargetHeight", 937_440L).containsEntry("changePercent", 3.2);
        // the estimate moves by a few hours either way: still one alert
        refresh(net(retarget.minus(Duration.ofHours(20)), height + 300, 3.4, -1.5, retarget.plus(Duration.ofHours(6))));
        refresh(net(retarget.minus(Duration.ofHours(10)), height + 380, 3.3, -1.5, retarget));
        assertThat(fired).hasSize(1);
        stored.put(937_440L, 3.3);
        // the retarget lands: the snapshot's difficulty changed at 937,440, the next estimate is two weeks out
        Instant after = retarget.plus(Duration.ofHours(1));
        refresh(net(after, 937_446, 0.4, 2.9, after.plus(Duration.ofDays(14))));
        assertThat(fired).hasSize(2);
        assertThat(fired.get(1).subject()).isEqualTo("Difficulty adjusted at block 937,440: +2.90 % (estimated +3.30 %)");
        assertThat(fired.get(1).text()).contains("0.40 points below the last estimate");
        refresh(net(after.plus(Duration.ofHours(2)), 937_460, 0.5, 2.9, after.plus(Duration.ofDays(14))));
        refresh(net(after.plus(Duration.ofDays(1)), 937_600, 0.6, 2.9, after.plus(Duration.ofDays(13))));
        assertThat(fired).as("not again until the next retarget").hasSize(2);
    }

    @Test
    void theBundledSampleFiresNothing() {
        NetworkView n = net(T, 937_000, 3, 1, T.plus(Duration.ofHours(2)));
        NetworkView bundled = new NetworkView(1, "bundled", T, true, true, T, n.priceUsd(), n.difficulty(), n.height(),
                n.feesPerBlockBtc(), n.hashrate(), 600, 3, 1, 50, 440, n.nextRetargetHeight(), n.estimatedRetargetDate(),
                List.of(), null);
        List<Observation> out = new ArrayList<>();
        evaluator.evaluate(RULE, new OperatorFacts(3, null, bundled, bundled.state(), T, T), out);
        assertThat(out).isEmpty();
    }
}
