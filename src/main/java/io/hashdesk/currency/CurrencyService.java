package io.hashdesk.currency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.Problem.FieldError;

/**
 * The operator's currencies: the display currency, the rates they entered, and the {@link Fx} of any
 * currency at the rates of a given snapshot (mempool's seven with the snapshot, the entered ones as
 * entered). Changes are checked by {@link CurrencyRules} first: bad input saves nothing.
 */
@ApplicationScoped
public class CurrencyService {

    /** A rate as the operator entered it. */
    public record Entered(String code, double perUsd, LocalDate asOf) {
    }

    /** A currency asked for that has no rate at the snapshot being priced. */
    public static class NoRate extends RuntimeException {
        public final String code;

        public NoRate(String code) {
            super(code + " has no rate: enter one on /settings (Currency) first");
            this.code = code;
        }
    }

    @Inject
    LiveRates live;

    /** Every currency usable at the view's rates: mempool's first (USD leading), then the operator's own. */
    @Transactional
    public Map<String, Fx> rates(long operatorId, NetworkView view) {
        return rates(live.perUsd(view), view, entered(operatorId));
    }

    /**
     * The same from the view's mempool rates ({@link #live}) and an operator's entered rates, without a
     * query: what the alerts' evaluation prices every operator's rules and words at.
     */
    public static Map<String, Fx> rates(Map<String, Double> livePerUsd, NetworkView view, List<Entered> entered) {
        Map<String, Fx> out = new LinkedHashMap<>();
        String source = view.bundled() ? "bundled sample" : view.source();
        livePerUsd.forEach((code, perUsd) -> out.put(code,
                new Fx(code, perUsd, code.equals("USD") ? null : view.priceAt(), code.equals("USD") ? "USD" : source)));
        out.putIfAbsent("USD", Fx.USD);
        for (Entered e : entered) {
            out.putIfAbsent(e.code(), entered(e));
        }
        return out;
    }

    static Fx entered(Entered e) {
        return new Fx(e.code(), e.perUsd(), e.asOf().atStartOfDay(ZoneOffset.UTC).toInstant(), Fx.YOURS + e.asOf());
    }

    /** Units per USD of every currency usable at the view's rates: what a fleet's entries are priced at. */
    public Rates pricing(long operatorId, NetworkView view) {
        return pricing(live.perUsd(view), view.version(), entered(operatorId));
    }

    /**
     * The same from a snapshot's mempool rates and the operator's entered ones. A mempool currency the
     * snapshot lacks is priced at its last known rate ({@link LiveRates#fallback}), never refused.
     */
    public Rates pricing(Map<String, Double> livePerUsd, long snapshot, List<Entered> entered) {
        Map<String, Double> out = new LinkedHashMap<>(livePerUsd);
        out.put("USD", 1.0);
        live.fallback().forEach(out::putIfAbsent);
        for (Entered e : entered) {
            out.putIfAbsent(e.code(), e.perUsd());
        }
        return new Rates(snapshot, out);
    }

    /** The entered rates of many operators in one query (those without any are left out). */
    @Transactional
    public Map<Long, List<Entered>> entered(java.util.Collection<Long> operatorIds) {
        Map<Long, List<Entered>> out = new java.util.HashMap<>();
        if (operatorIds.isEmpty()) {
            return out;
        }
        OperatorRate.<OperatorRate>list("operatorId in ?1 order by code", operatorIds).forEach(r -> out
                .computeIfAbsent(r.operatorId, k -> new java.util.ArrayList<>()).add(new Entered(r.code, r.perUsd, r.asOf)));
        return out;
    }

    /**
     * The currencies the operator's sites, rig groups and alert rules' thresholds are entered in, other than
     * mempool's seven (whose rates cannot be removed): a rate among these cannot be removed (a rule without
     * its rate would go unchecked without a word to the operator).
     */
    @Transactional
    public java.util.Set<String> inUse(long operatorId) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String q : List.of("select distinct s.tariffCurrency from Site s where s.operatorId = :id",
                "select distinct s.hostingCurrency from Site s where s.operatorId = :id",
                "select distinct r.purchaseCurrency from RigGroup r where r.operatorId = :id",
                "select distinct a.thresholdCurrency from AlertRule a where a.operatorId = :id"
                        + " and a.thresholdCurrency is not null")) {
            out.addAll(OperatorRate.getEntityManager().createQuery(q, String.class).setParameter("id", operatorId)
                    .getResultList());
        }
        out.removeIf(Currencies::live);
        return out;
    }

    /** The mempool rates of a view (USD included). */
    public Map<String, Double> live(NetworkView view) {
        return live.perUsd(view);
    }

    /** The currency's Fx at the view's rates; {@link NoRate} when it has none. */
    public Fx fx(long operatorId, String code, NetworkView view) {
        if (code == null || code.equals("USD")) {
            return Fx.USD;
        }
        Fx fx = rates(operatorId, view).get(code);
        if (fx == null) {
            throw new NoRate(code);
        }
        return fx;
    }

    /**
     * What the operator's money is shown in at the view's rates. A display currency without a rate in
     * this snapshot (a live rate mempool did not give this time) falls back to USD rather than a wrong figure.
     */
    public Fx display(Operator operator, NetworkView view) {
        return display(operator.id, operator.displayCurrency, view);
    }

    private Fx display(long operatorId, String code, NetworkView view) {
        try {
            return fx(operatorId, code == null ? "USD" : code, view);
        } catch (NoRate e) {
            return Fx.USD;
        }
    }

    /**
     * The same for a page request, without a query when it was asked for before: remembered by operator,
     * fleet version (raised by every change of currency settings, see {@link #save}) and snapshot.
     */
    public Fx display(SignedIn who, NetworkView view) {
        DisplayKey key = new DisplayKey(who.id(), who.fleetVersion(), view.version());
        Fx fx = displays.get(key);
        if (fx == null) {
            if (displays.size() > 10_000) {
                displays.clear();
            }
            fx = display(who.id(), displayCode(who.id()), view);
            displays.put(key, fx);
        }
        return fx;
    }

    private record DisplayKey(long operatorId, long fleetVersion, long snapshot) {
    }

    private final Map<DisplayKey, Fx> displays = new ConcurrentHashMap<>();

    @Transactional
    String displayCode(long operatorId) {
        Operator o = Operator.findById(operatorId);
        return o == null ? "USD" : o.displayCurrency;
    }

    @Transactional
    public List<Entered> entered(long operatorId) {
        return OperatorRate.of(operatorId).stream().map(r -> new Entered(r.code, r.perUsd, r.asOf)).toList();
    }

    /**
     * Replaces the display currency (when not null) and the entered rates (when not null), checked by
     * {@link CurrencyRules} before. First locks the operator's row, the same lock every fleet write takes
     * ({@code FleetService.lockOwner}), then checks again what a fleet write at the same moment could have
     * changed: a site or rig group saved in a currency whose rate this removes, a display currency whose
     * rate this removes. Either refuses (the errors, by field) and saves nothing.
     */
    @Transactional
    public List<FieldError> save(long operatorId, String display, List<Entered> rates, Instant now) {
        OperatorRate.getEntityManager().find(Operator.class, operatorId, LockModeType.PESSIMISTIC_WRITE);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (rates != null) {
            CurrencyRules.keepsUsed("rates", inUse(operatorId), rates, errors);
            String shown = display != null ? display : displayCode(operatorId);
            if (shown != null && !Currencies.live(shown) && rates.stream().noneMatch(r -> r.code().equals(shown))) {
                errors.add(new FieldError("rates", "Your money is shown in " + shown
                        + ": choose another display currency before removing its rate."));
            }
        } else if (display != null && !Currencies.live(display)
                && entered(operatorId).stream().noneMatch(r -> r.code().equals(display))) {
            errors.add(new FieldError("display", "has no rate: enter a rate for " + display + " first"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (rates != null) {
            Map<String, OperatorRate> old = new LinkedHashMap<>();
            OperatorRate.of(operatorId).forEach(r -> old.put(r.code, r));
            for (Entered e : rates) {
                OperatorRate r = old.remove(e.code());
                if (r == null) {
                    r = new OperatorRate();
                    r.operatorId = operatorId;
                    r.code = e.code();
                }
                r.perUsd = e.perUsd();
                r.asOf = e.asOf();
                r.updatedAt = now;
                r.persist();
            }
            old.values().forEach(OperatorRate::delete);
        }
        // A new fleet version: every figure cached by fleet (pages, cards, projections) is shown anew.
        if (display != null) {
            Operator.update("displayCurrency = ?1, fleetVersion = fleetVersion + 1 where id = ?2", display, operatorId);
        } else {
            Operator.update("fleetVersion = fleetVersion + 1 where id = ?1", operatorId);
        }
        return errors;
    }
}
