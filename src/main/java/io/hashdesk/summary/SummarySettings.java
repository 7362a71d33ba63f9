package io.hashdesk.summary;

import java.time.DayOfWeek;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * When an operator gets the weekly summary. No row means the defaults (on, Monday 07:00 in the
 * operator's zone): see V6__weekly_summary.sql.
 */
@Entity
@Table(name = "summary_settings")
public class SummarySettings extends PanacheEntityBase {

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final int DEFAULT_HOUR = 7;

    @Id
    @Column(name = "operator_id")
    public Long operatorId;

    @Column(nullable = false)
    public boolean enabled = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "send_day", nullable = false, length = 9)
    public DayOfWeek sendDay = DEFAULT_DAY;

    @Column(name = "send_hour", nullable = false)
    public int sendHour = DEFAULT_HOUR;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
