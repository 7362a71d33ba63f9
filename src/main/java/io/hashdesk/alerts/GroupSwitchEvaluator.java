package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.economics.FleetToday;

/**
 * {@code group-switch}: a group should be switched off (its switch-off verdict: for a flat tariff, its
 * power costs more than it earns; at a curtailing time-of-use site, no hour pays) or back on. Decided
 * beyond the margin: "off" when the group would still be off at the price raised by the margin, "on"
 * when it would still run at the price lowered by it; in between, undecided.
 */
@ApplicationScoped
public class GroupSwitchEvaluator implements RuleEvaluator {

    static final String OFF = "off";
    static final String ON = "on";

    @Override
    public AlertKind kind() {
        return AlertKind.GROUP_SWITCH;
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        if (f.fleet == null || f.fleet.fleet().groups().isEmpty()) {
            return;
        }
        FleetToday higher = f.today(1 + rule.margin());
        FleetToday lower = f.today(1 - rule.margin());
        var groups = f.fleet.fleet().groups();
        for (int j = 0; j < groups.size(); j++) {
            long id = groups.get(j).id();
            if (rule.rigId() != null && rule.rigId() != id) {
                continue;
            }
            String verdict = higher.groups().get(j).switchOff() ? OFF : !lower.groups().get(j).switchOff() ? ON : null;
            int group = j;
            out.add(new Observation(rule.id(), f.operatorId, kind().code, "group:" + id, verdict,
                    rule.confirmations(), (from, to) -> AlertMessages.groupSwitch(f, group, to)));
        }
    }
}
