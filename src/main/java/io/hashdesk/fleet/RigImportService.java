package io.hashdesk.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.Rates;
import io.hashdesk.web.FormErrors;

/**
 * Imports a CSV file of rig groups, all rows or none. By default the rows are added to the fleet,
 * but a file whose rows match groups already there (typically the export imported a second time) is
 * stopped with a warning instead of doubling the fleet; the operator then chooses to replace the
 * fleet's groups with the file, or to add the rows anyway.
 */
@ApplicationScoped
public class RigImportService {

    /** What to do with the groups already in the fleet. */
    public enum Mode {
        /** Add the rows; stop with a warning when some look like groups already there. */
        APPEND("append"),
        /** Add the rows even when some look like groups already there. */
        APPEND_ALL("append-all"),
        /** Delete every rig group of the fleet and import the file in their place (one transaction). */
        REPLACE("replace");

        public final String value;

        Mode(String value) {
            this.value = value;
        }

        /** The mode named by a form or query parameter (blank: append), or null when unknown. */
        public static Mode of(String raw) {
            if (raw == null || raw.isBlank()) {
                return APPEND;
            }
            for (Mode m : values()) {
                if (m.value.equalsIgnoreCase(raw.strip())) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * @param imported rows added
     * @param replaced groups deleted to make way for them (replace mode)
     * @param errors bad cells by line and column; nothing imported
     * @param duplicates rows that match groups already in the fleet (append mode); nothing imported
     */
    public record Outcome(int imported, int replaced, List<RigCsv.LineError> errors,
            List<RigCsv.LineError> duplicates) {
        public boolean ok() {
            return errors.isEmpty() && duplicates.isEmpty();
        }
    }

    @Inject
    FleetService fleet;

    @Inject
    RigService rigService;

    /**
     * Checks every row first (site names resolved against the owner's sites), and reports any error
     * by line and column with nothing saved; then applies the mode.
     */
    @Transactional
    public Outcome importRigs(Operator owner, List<RigCsv.Row> rows, Mode mode) {
        fleet.lockOwner(owner);
        Map<String, Long> sitesByName = new HashMap<>();
        Map<Long, Site> sites = new HashMap<>();
        for (Site s : Site.<Site>list("operatorId", owner.id)) {
            sitesByName.put(Site.nameKey(s.name), s.id);
            sites.put(s.id, s);
        }
        Set<Long> ownSiteIds = Set.copyOf(sitesByName.values());
        List<RigCsv.LineError> errors = new ArrayList<>();
        List<RigJson> valid = new ArrayList<>();
        Supplier<Rates> rates = EnteredMoney.once(() -> fleet.ratesNow(owner));
        for (RigCsv.Row row : rows) {
            FormErrors cellErrors = FormErrors.none();
            RigJson in = row.toJson(sitesByName, cellErrors);
            cellErrors.addAll(rigService.check(owner, null, in, ownSiteIds, rates));
            cellErrors.asMap().forEach((field, message) ->
                    errors.add(new RigCsv.LineError(row.line(), RigCsv.column(field), message)));
            valid.add(RigService.entered(in, rates, FormErrors.none()));
        }
        if (!errors.isEmpty()) {
            return new Outcome(0, 0, RigCsv.capped(errors), List.of());
        }
        if (mode == Mode.APPEND) {
            List<RigCsv.LineError> duplicates = duplicates(owner, rows, valid);
            if (!duplicates.isEmpty()) {
                return new Outcome(0, 0, List.of(), RigCsv.capped(duplicates));
            }
        }
        int replaced = 0;
        if (mode == Mode.REPLACE) {
            replaced = (int) RigGroup.delete("operatorId", owner.id);
        } else {
            RigService.checkRoomFor(owner, valid.size());
        }
        Instant now = Instant.now();
        for (RigJson in : valid) {
            RigGroup rig = new RigGroup();
            rig.operatorId = owner.id;
            rig.createdAt = now;
            RigService.apply(rig, in, sites.get(in.siteId()));
            rig.persist();
        }
        if (!valid.isEmpty() || replaced > 0) {
            FleetService.bumpVersion(owner);
        }
        return new Outcome(valid.size(), replaced, List.of(), List.of());
    }

    /** What makes two groups look like the same machines: site, model, units, TH/s and W per unit. */
    private record Key(long siteId, String model, long units, double terahash, double watts) {
        static Key of(RigGroup r) {
            return new Key(r.site.id, r.model.strip().toLowerCase(Locale.ROOT), r.units, r.terahashPerUnit, r.wattsPerUnit);
        }

        static Key of(RigJson in) {
            return new Key(in.siteId(), in.model().strip().toLowerCase(Locale.ROOT), in.units(), in.terahash(), in.watts());
        }
    }

    private List<RigCsv.LineError> duplicates(Operator owner, List<RigCsv.Row> rows, List<RigJson> valid) {
        Map<Key, RigGroup> existing = new HashMap<>();
        for (RigGroup r : fleet.rigs(owner)) {
            existing.putIfAbsent(Key.of(r), r);
        }
        List<RigCsv.LineError> out = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            RigGroup same = existing.get(Key.of(valid.get(i)));
            if (same != null) {
                out.add(new RigCsv.LineError(rows.get(i).line(), null, String.format(Locale.ENGLISH,
                        "The same as your group of %,d × %s at %s.", same.units, RigCsv.shorten(same.model),
                        RigCsv.shorten(same.site.name))));
            }
        }
        return out;
    }
}
