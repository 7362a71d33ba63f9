package io.hashdesk.projection;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.Database;
import io.hashdesk.web.FormErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Saved scenarios, always scoped to their owner. */
@ApplicationScoped
public class ScenarioService {

    @Inject
    Clock clock;

    @Transactional
    public List<SavedScenario> list(Operator owner) {
        return SavedScenario.of(owner.id);
    }

    /** The owner's saved scenario, or 404 (also for another operator's id). */
    @Transactional
    public SavedScenario get(Operator owner, long id) {
        return SavedScenario.of(owner.id, id).orElseThrow(NotFoundException::new);
    }

    /** The saved scenario, or the errors by field and nothing saved. */
    public record Saved(SavedScenario scenario, FormErrors errors) {
        /** True when the name is taken and the operator has not yet said to replace that scenario. */
        public boolean askToReplace() {
            return errors.has(REPLACE);
        }
    }

    /** At most this many saved scenarios per operator. */
    public static final int MAX_SAVED = 200;
    /** The error key that asks the operator to confirm replacing a scenario of the same name. */
    public static final String REPLACE = "replace";
    /** The database's guarantee of one scenario per name and operator (V4__saved_scenarios.sql). */
    static final String UNIQUE_NAME = "uq_saved_scenario_name";

    /**
     * Saves a scenario under a name. A name already in use is replaced only when {@code replace} is
     * true (the operator confirmed); otherwise the answer asks first. Two saves of one new name at the
     * same moment: the database keeps one, the other is asked too (never a server error).
     */
    public Saved save(Operator owner, String rawName, Scenario scenario, boolean replace) {
        String name = rawName == null ? "" : rawName.strip();
        FormErrors errors = FormErrors.none();
        if (name.isEmpty()) {
            errors.add("name", "Give the scenario a name.");
        } else if (name.length() > 60) {
            errors.add("name", "At most 60 characters.");
        } else if (List.of("bear", "base", "bull").contains(name.toLowerCase(Locale.ROOT))) {
            errors.add("name", "\"" + name + "\" is a built-in preset; choose another name.");
        }
        if (errors.any()) {
            return new Saved(null, errors);
        }
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                SavedScenario s = SavedScenario.<SavedScenario>find("operatorId = ?1 and name = ?2", owner.id, name)
                        .firstResult();
                if (s != null && !replace) {
                    return exists(name);
                }
                if (s == null) {
                    if (SavedScenario.count("operatorId", owner.id) >= MAX_SAVED) {
                        return new Saved(null, FormErrors.none().add("name", String.format(Locale.ENGLISH,
                                "You have %d saved scenarios, the most one account keeps; delete one you no longer need first.",
                                MAX_SAVED)));
                    }
                    s = new SavedScenario();
                    s.operatorId = owner.id;
                    s.name = name;
                    s.createdAt = clock.instant();
                }
                s.days = scenario.days();
                s.priceDriftPercent = scenario.priceDriftPercent();
                s.hashrateGrowthPercent = scenario.hashrateGrowthPercent();
                s.feesPerBlockBtc = scenario.feesPerBlockBtc();
                s.persist();
                SavedScenario.flush();
                return new Saved(s, FormErrors.none());
            });
        } catch (RuntimeException e) {
            if (Database.violated(e, UNIQUE_NAME)) {
                return exists(name);
            }
            throw e;
        }
    }

    private static Saved exists(String name) {
        return new Saved(null, FormErrors.none()
                .add("name", "A scenario named \"" + name + "\" exists. Replace it with these assumptions?")
                .add(REPLACE, name));
    }

    @Transactional
    public void delete(Operator owner, long id) {
        get(owner, id).delete();
    }
}
