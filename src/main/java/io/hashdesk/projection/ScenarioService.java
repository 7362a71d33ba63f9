package io.hashdesk.projection;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.FormErrors;

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
    }

    /** Saves (or replaces, by name) a scenario; errors by field when the name is unusable. */
    @Transactional
    public Saved save(Operator owner, String rawName, Scenario scenario) {
        String name = rawName == null ? "" : rawName.strip();
        FormErrors errors = FormErrors.none();
        if (name.isEmpty()) {
            errors.add("name", "Give the scenario a name.");
        } else if (name.length() > 60) {
            errors.add("name", "At most 60 characters.");
        } else if (List.of("bear", "base", "bull").contains(name.toLowerCase(java.util.Locale.ROOT))) {
            errors.add("name", "\"" + name + "\" is a built-in preset; choose another name.");
        }
        if (errors.any()) {
            return new Saved(null, errors);
        }
        SavedScenario s = SavedScenario.<SavedScenario>find("operatorId = ?1 and name = ?2", owner.id, name)
                .firstResultOptional().orElseGet(SavedScenario::new);
        if (s.id == null) {
            s.operatorId = owner.id;
            s.name = name;
            s.createdAt = clock.instant();
        }
        s.days = scenario.days();
        s.priceDriftPercent = scenario.priceDriftPercent();
        s.hashrateGrowthPercent = scenario.hashrateGrowthPercent();
        s.feesPerBlockBtc = scenario.feesPerBlockBtc();
        s.persist();
        return new Saved(s, errors);
    }

    @Transactional
    public void delete(Operator owner, long id) {
        get(owner, id).delete();
    }
}
