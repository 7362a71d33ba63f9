package io.hashdesk.summary;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.account.MailQuota;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Database;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Puts summaries into the outbox: each week's summary once per operator (the unique key on
 * (operator, kind, week start) makes it once, whatever the number of instances), rendered before
 * any attempt to send it; and test mails on request.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** A summary missed by more than this (the app was down) is skipped, not sent days late. */
    static final Duration GRACE = Duration.ofDays(1);
    /**
     * Never two weekly summaries closer than this: after the send day is changed, the next one goes out on
     * the new day unless the last one went out less than this before it (then a week later). So a change
     * leaves between 4 and 10 days between two summaries, never 13, never two in a few days.
     */
    static final Duration MIN_GAP = Duration.ofDays(4);
    /** At most one test mail per operator this often. */
    static final Duration TEST_INTERVAL = Duration.ofMinutes(1);
    /** Summaries stored per transaction. */
    static final int CHUNK = 50;

    @Inject
    EntityManager em;

    @Inject
    SummaryBuilder builder;

    @Inject
    HashdeskConfig config;

    @Inject
    MailQuota quota;

    /** Refused: a test mail was asked for moments ago. */
    public static class TooSoon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSoon() {
            super("A test mail is already on its way; ask again in a minute.");
        }
    }

    /** Monday of the week containing {@code now} in the zone. */
    static LocalDate weekStart(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The moment this week's summary is due: the send day and hour of the week of {@code weekStart}. */
    static Instant due(LocalDate weekStart, ZoneId zone, DayOfWeek day, int hour) {
        return ZonedDateTime.of(weekStart.with(TemporalAdjusters.nextOrSame(day)).atTime(hour, 0), zone).toInstant();
    }

    /** The end of the day after {@code moment}'s day in the zone: retries stop there. */
    static Instant endOfFollowingDay(Instant moment, ZoneId zone) {
        return moment.atZone(zone).toLocalDate().plusDays(2).atStartOfDay(zone).toInstant();
    }

    /**
     * Stores the summary due for every operator whose send hour has come (and not passed by more than a
     * day, also across the week's end) and who has none for that send day yet, nor any other weekly
     * summary within {@link #MIN_GAP} before it. A summary is keyed by the local date it was due. Returns
     * how many were stored.
     */
    public int enqueueDue(Instant now) {
        List<Object[]> operators = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id, o.timezone, o.createdAt, s.enabled, s.sendDay, s.sendHour from Operator o"
                        + " left join SummarySettings s on s.operatorId = o.id"
                        // Mail goes only to an address its owner confirmed (account/VerificationTokens).
                        + " where o.emailVerifiedAt is not null", Object[].class).getResultList());
        LocalDate oldestWeek = now.minus(Duration.ofDays(16)).atZone(ZoneId.of("UTC")).toLocalDate();
        Set<String> stored = new HashSet<>();
        Map<Long, Instant> lastStored = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "select m.operatorId, m.weekStart, m.createdAt from OutboxMail m where m.kind = :kind"
                        + " and m.weekStart >= :from", Object[].class)
                .setParameter("kind", OutboxMail.WEEKLY).setParameter("from", oldestWeek)
                .getResultStream().forEach(r -> {
                    stored.add(r[0] + "/" + r[1]);
                    lastStored.merge((Long) r[0], (Instant) r[2], (a, b) -> a.isAfter(b) ? a : b);
                }));
        List<Due> due = new ArrayList<>();
        for (Object[] row : operators) {
            if (row[3] != null && !((Boolean) row[3])) {
                continue;
            }
            long operatorId = (Long) row[0];
            ZoneId zone = Formats.zoneOf((String) row[1]);
            DayOfWeek day = row[4] == null ? SummarySettings.DEFAULT_DAY : (DayOfWeek) row[4];
            int hour = row[5] == null ? SummarySettings.DEFAULT_HOUR : (Integer) row[5];
            LocalDate week = weekStart(now, zone);
            Instant at = due(week, zone, day, hour);
            if (now.isBefore(at)) {
                // Last week's may still be in its grace day (a Sunday 23:00 summary late into Monday).
                at = due(week.minusWeeks(1), zone, day, hour);
            }
            LocalDate dueDate = at.atZone(zone).toLocalDate();
            Instant createdAt = (Instant) row[2];
            Instant last = lastStored.get(operatorId);
            if (now.isBefore(at) || !now.isBefore(at.plus(GRACE)) || createdAt.isAfter(at)
                    || stored.contains(operatorId + "/" + dueDate) || last != null && last.isAfter(at.minus(MIN_GAP))) {
                continue;
            }
            due.add(new Due(operatorId, dueDate, endOfFollowingDay(at, zone)));
        }
        List<List<Due>> chunks = new ArrayList<>();
        for (int i = 0; i < due.size(); i += CHUNK) {
            chunks.add(due.subList(i, Math.min(due.size(), i + CHUNK)));
        }
        return Parallel.each(chunks, chunk -> {
            List<OutboxMail> mails = prepare(chunk, now);
            // One commit for the chunk; if another instance stored one of them first, one by one.
            try {
                QuarkusTransaction.requiringNew().timeout(Ledger.TX_TIMEOUT_SECONDS).run(() -> mails.forEach(em::persist));
                return mails.size();
            } catch (RuntimeException e) {
                if (!Database.uniqueViolation(e)) {
                    LOG.errorf(e, "could not store summaries");
                }
            }
            int n = 0;
            for (OutboxMail m : mails) {
                m.id = null;
                try {
                    QuarkusTransaction.requiringNew().run(() -> em.persist(m));
                    n++;
                } catch (RuntimeException e) {
                    if (Database.uniqueViolation(e)) {
                        LOG.debugf("summary of operator %d for %s stored by another instance", m.operatorId, m.weekStart);
                    } else {
                        LOG.errorf(e, "could not store the summary of operator %d for %s", m.operatorId, m.weekStart);
                    }
                }
            }
            return n;
        });
    }

    /** An operator's summary due, keyed by its send date ({@code week}). */
    private record Due(long operatorId, LocalDate week, Instant giveUpAt) {
    }

    /**
     * A chunk's mails rendered, not stored yet: read in one read-only transaction (the operators and
     * their ledgers at once), or operator by operator if that fails.
     */
    private List<OutboxMail> prepare(List<Due> chunk, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().timeout(Ledger.TX_TIMEOUT_SECONDS).call(() -> {
                // Nothing read here is changed: no dirty checks, no flushes, however many entities a chunk loads.
                Session session = em.unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
                Map<Long, Operator> byId = new HashMap<>();
                em.createQuery("select o from Operator o where o.id in :ids", Operator.class)
                        .setParameter("ids", chunk.stream().map(Due::operatorId).toList()).getResultList()
                        .forEach(o -> byId.put(o.id, o));
                List<Due> found = chunk.stream().filter(d -> byId.containsKey(d.operatorId())).toList();
                List<WeeklySummary> summaries = builder.buildAll(
                        found.stream().map(d -> byId.get(d.operatorId())).toList(), now);
                List<OutboxMail> mails = new ArrayList<>(found.size());
                for (int i = 0; i < found.size(); i++) {
                    Due d = found.get(i);
                    mails.add(mail(byId.get(d.operatorId()), summaries.get(i), d.week(), now, d.giveUpAt()));
                }
                return mails;
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not prepare %d summaries at once; one by one", chunk.size());
        }
        List<OutboxMail> mails = new ArrayList<>();
        for (Due d : chunk) {
            try {
                OutboxMail m = prepare(d.operatorId(), d.week(), now, d.giveUpAt());
                if (m != null) {
                    mails.add(m);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not prepare the summary of operator %d for %s", d.operatorId(), d.week());
            }
        }
        return mails;
    }

    /** Refused: the operator's address is not confirmed, so nothing is mailed to it. */
    public static class Unverified extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unverified(String email) {
            super("Your address " + email + " is not confirmed yet, so hashdesk mails nothing to it. Follow the link"
                    + " mailed to it, or ask for a new one under Settings.");
        }
    }

    /**
     * Stores a test mail for the operator (sent by the next sender run). Refused ({@link Unverified}) for an
     * address not confirmed, ({@link TooSoon}) a minute after the last, ({@link MailQuota.Exceeded}) past the
     * mail limits.
     */
    public OutboxMail enqueueTest(Operator owner, Instant now) {
        if (!owner.emailVerified()) {
            throw new Unverified(owner.email);
        }
        Long recent = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from OutboxMail m where m.operatorId = :o and m.kind = :kind and m.createdAt > :since",
                Long.class).setParameter("o", owner.id).setParameter("kind", OutboxMail.TEST)
                .setParameter("since", now.minus(TEST_INTERVAL)).getSingleResult());
        if (recent > 0) {
            throw new TooSoon();
        }
        quota.take(MailQuota.TEST_SUMMARY, owner.email, now);
        return store(owner.id, null, now, endOfFollowingDay(now, Formats.zoneOf(owner.timezone)));
    }

    /** Builds and renders outside any transaction, then inserts in a short one. */
    private OutboxMail store(long operatorId, LocalDate week, Instant now, Instant giveUpAt) {
        OutboxMail m = prepare(operatorId, week, now, giveUpAt);
        if (m == null) {
            return null;
        }
        boolean test = week == null;
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(m);
            em.flush();
            if (test) {
                m.messageId = OutboxSender.messageId(config.baseUrl(), "summary-test-" + m.id);
            }
        });
        return m;
    }

    /** The rendered mail, not stored yet (null when the operator is gone). */
    private OutboxMail prepare(long operatorId, LocalDate week, Instant now, Instant giveUpAt) {
        Operator owner = QuarkusTransaction.requiringNew().call(() -> em.find(Operator.class, operatorId));
        if (owner == null) {
            return null;
        }
        return mail(owner, builder.build(owner, now, week == null), week, now, giveUpAt);
    }

    /** The rendered mail of a summary, not stored yet; a test mail when {@code week} is null. */
    private OutboxMail mail(Operator owner, WeeklySummary s, LocalDate week, Instant now, Instant giveUpAt) {
        long operatorId = owner.id;
        boolean test = week == null;
        SummaryBuilder.Rendered r = builder.render(s);
        OutboxMail m = new OutboxMail();
        m.operatorId = operatorId;
        m.kind = test ? OutboxMail.TEST : OutboxMail.WEEKLY;
        m.weekStart = week;
        m.recipient = owner.email;
        m.subject = r.subject();
        m.bodyHtml = r.html();
        m.bodyText = r.text();
        m.unsubscribeUrl = s.unsubscribeUrl();
        m.status = OutboxMail.PENDING;
        m.nextAttemptAt = now;
        m.giveUpAt = giveUpAt;
        m.createdAt = now;
        m.messageId = test ? "pending" : OutboxSender.messageId(config.baseUrl(), "summary-" + operatorId + "-" + week);
        return m;
    }
}
