package io.hashdesk.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hashdesk.economics.Scenario;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A scenario an operator saved under a name (V4__saved_scenarios.sql). Always looked up by owner. */
@Entity
@Table(name = "saved_scenario")
public class SavedScenario extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 60)
    public String name;

    @Column(nullable = false)
    public int days;

    @Column(name = "price_drift_percent", nullable = false)
    public double priceDriftPercent;

    @Column(name = "hashrate_growth_percent", nullable = false)
    public double hashrateGrowthPercent;

    @Column(name = "fees_per_block_btc")
    public Double feesPerBlockBtc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Scenario scenario() {
        return new Scenario(name, days, priceDriftPercent, hashrateGrowthPercent, feesPerBlockBtc);
    }

    static List<SavedScenario> of(long operatorId) {
        return list("operatorId = ?1 order by name", operatorId);
    }

    static Optional<SavedScenario> of(long operatorId, long id) {
        return find("operatorId = ?1 and id = ?2", operatorId, id).firstResultOptional();
    }
}
