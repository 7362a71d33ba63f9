package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One summary mail in the outbox, rendered before any attempt to send it. Claimed and marked by
 * {@link OutboxSender} with plain SQL (row locks); read here for the settings page. Never deleted.
 * The bodies live in a table of their own ({@code summary_outbox_body}): the claim and the mark update
 * the outbox row, and a database that rewrites a whole row on update would copy them each time.
 */
@Entity
@Table(name = "summary_outbox")
@SecondaryTable(name = OutboxMail.BODY_TABLE, pkJoinColumns = @PrimaryKeyJoinColumn(name = "mail_id"))
public class OutboxMail extends PanacheEntityBase {

    static final String BODY_TABLE = "summary_outbox_body";

    public static final String WEEKLY = "weekly";
    public static final String TEST = "test";
    /** An alert (alertId) or a digest of alerts held during quiet hours (alertId: its first alert). */
    public static final String ALERT = "alert";
    public static final String ALERT_DIGEST = "alert-digest";

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 16)
    public String kind;

    /**
     * The local date the summary was due (its send day) in the operator's zone: one summary per send date
     * (mails stored before issue 17 hold the Monday of their week); null for a test mail.
     */
    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(nullable = false, length = 254)
    public String recipient;

    @Column(nullable = false, length = 300)
    public String subject;

    @Column(table = BODY_TABLE, name = "body_html", nullable = false, length = 1000000)
    public String bodyHtml;

    @Column(table = BODY_TABLE, name = "body_text", nullable = false, length = 1000000)
    public String bodyText;

    @Column(name = "message_id", nullable = false, length = 200)
    public String messageId;

    @Column(name = "unsubscribe_url", nullable = false, length = 1000)
    public String unsubscribeUrl;

    @Column(nullable = false, length = 10)
    public String status = PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "give_up_at", nullable = false)
    public Instant giveUpAt;

    @Column(name = "claimed_by", length = 40)
    public String claimedBy;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    /** The alert this mail carries (unique: one mail per alert); null for summaries. */
    @Column(name = "alert_id")
    public Long alertId;
}
