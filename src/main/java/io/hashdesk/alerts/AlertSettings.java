package io.hashdesk.alerts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An operator's alert channels: email on or off, quiet hours ("HH:MM" in the operator's zone, or none). */
@Entity
@Table(name = "alert_settings")
public class AlertSettings extends PanacheEntityBase {

    @Id
    @Column(name = "operator_id")
    public Long operatorId;

    @Column(nullable = false)
    public boolean email = true;

    @Column(name = "quiet_from", length = 5)
    public String quietFrom;

    @Column(name = "quiet_to", length = 5)
    public String quietTo;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
