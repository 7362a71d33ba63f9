package io.hashdesk.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hashdesk.earnings.EarningDays;
import io.hashdesk.earnings.NetworkHistory;
import io.hashdesk.earnings.PoolAccount;

/**
 * What the operators' pool accounts credited around their past weeks, for {@link PastEarned}: read at
 * once for a chunk of the weekly run (three queries), the days' prices from the stored network history
 * (never fetched: a test mail is sent while its operator waits).
 */
@ApplicationScoped
public class PoolCredits {

    @Inject
    NetworkHistory history;

    /** Per operator with a pool account, its accounts and their credited UTC days; each UTC day's price. */
    public record Read(Map<Long, List<PastEarned.Account>> accounts, Map<Long, List<PastEarned.Credit>> credits,
            Map<LocalDate, Double> pricesUsd) {

        static final Read NONE = new Read(Map.of(), Map.of(), Map.of());

        /** The operator's week as earned, or null when it has no pool account (its mail stays modelled). */
        public PastEarned earned(long operatorId, List<Ledger.Day> days, LedgerMoney money,
                java.time.ZoneId zone) {
            List<PastEarned.Account> own = accounts.get(operatorId);
            return own == null ? null
                    : PastEarned.of(days, own, credits.getOrDefault(operatorId, List.of()), pricesUsd, money, zone);
        }
    }

    @Transactional
    public Read read(List<Ledger.Span> spans) {
        if (spans.isEmpty()) {
            return Read.NONE;
        }
        List<Long> ids = spans.stream().map(s -> s.owner().id).distinct().toList();
        List<PoolAccount> found = PoolAccount.list("operatorId in ?1", ids);
        if (found.isEmpty()) {
            return Read.NONE;
        }
        Map<Long, List<PastEarned.Account>> accounts = new HashMap<>();
        Map<Long, Long> ownerOf = new HashMap<>();
        for (PoolAccount a : found) {
            accounts.computeIfAbsent(a.operatorId, k -> new ArrayList<>()).add(new PastEarned.Account(a.id, a.siteId));
            ownerOf.put(a.id, a.operatorId);
        }
        // A ledger day takes the UTC day holding its noon: within a day of it either way.
        LocalDate from = spans.stream().map(Ledger.Span::from).min(LocalDate::compareTo).orElseThrow().minusDays(1);
        LocalDate to = spans.stream().map(Ledger.Span::to).max(LocalDate::compareTo).orElseThrow().plusDays(1);
        Map<Long, List<PastEarned.Credit>> credits = new HashMap<>();
        Set<LocalDate> dates = new HashSet<>();
        for (EarningDays.Day d : EarningDays.between(ownerOf.keySet(), from, to)) {
            credits.computeIfAbsent(ownerOf.get(d.poolId()), k -> new ArrayList<>())
                    .add(new PastEarned.Credit(d.poolId(), d.date(), d.creditedBtc()));
            dates.add(d.date());
        }
        Map<LocalDate, Double> prices = new HashMap<>();
        history.stored(dates).forEach((d, day) -> {
            if (day.priceUsd() != null && day.priceUsd() > 0) {
                prices.put(d, day.priceUsd());
            }
        });
        return new Read(accounts, credits, prices);
    }
}
