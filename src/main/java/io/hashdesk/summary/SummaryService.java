package io.hashdesk.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hashdesk.account.Operator;

/** An operator's weekly summary settings and the state of its delivery. */
@ApplicationScoped
public class SummaryService {

    /** When the summary goes out, in the operator's zone. */
    public record Settings(boolean enabled, DayOfWeek sendDay, int sendHour) {
    }

    /**
     * Where delivery stands: the last mail sent, the one waiting (maybe after failed attempts), and
     * the last one given up on after the last success.
     */
    public record Delivery(Instant lastSentAt, OutboxMail waiting, OutboxMail failed) {
        public boolean failing() {
            return waiting != null && waiting.lastError != null;
        }
    }

    @Transactional
    public Settings settings(long operatorId) {
        SummarySettings s = SummarySettings.findById(operatorId);
        return s == null ? new Settings(true, SummarySettings.DEFAULT_DAY, SummarySettings.DEFAULT_HOUR)
                : new Settings(s.enabled, s.sendDay, s.sendHour);
    }

    @Transactional
    public Settings update(long operatorId, boolean enabled, DayOfWeek day, int hour, Instant now) {
        if (hour < 0 || hour > 23 || day == null) {
            throw new IllegalArgumentException("send day and hour out of range");
        }
        SummarySettings s = SummarySettings.findById(operatorId);
        if (s == null) {
            s = new SummarySettings();
            s.operatorId = operatorId;
            s.enabled = enabled;
            s.sendDay = day;
            s.sendHour = hour;
            s.updatedAt = now;
            s.persist();
        } else {
            s.enabled = enabled;
            s.sendDay = day;
            s.sendHour = hour;
            s.updatedAt = now;
        }
        return new Settings(enabled, day, hour);
    }

    /** Turns the summary off (unsubscribe); false when there is no such operator. */
    @Transactional
    public boolean turnOff(long operatorId, Instant now) {
        if (Operator.findById(operatorId) == null) {
            return false;
        }
        Settings current = settings(operatorId);
        update(operatorId, false, current.sendDay(), current.sendHour(), now);
        return true;
    }

    @Transactional
    public Delivery delivery(long operatorId) {
        Instant lastSent = OutboxMail.getEntityManager()
                .createQuery("select max(m.sentAt) from OutboxMail m where m.operatorId = :o", Instant.class)
                .setParameter("o", operatorId).getSingleResult();
        OutboxMail waiting = OutboxMail.<OutboxMail>find("operatorId = ?1 and status in ?2 order by createdAt, id",
                operatorId, List.of(OutboxMail.PENDING, OutboxMail.SENDING)).firstResult();
        OutboxMail failed = OutboxMail.<OutboxMail>find("operatorId = ?1 and status = ?2 order by failedAt desc, id desc",
                operatorId, OutboxMail.FAILED).firstResult();
        if (failed != null && lastSent != null && failed.failedAt.isBefore(lastSent)) {
            failed = null;
        }
        return new Delivery(lastSent, waiting, failed);
    }
}
