-- Currency (issue 21): every figure is computed in USD; amounts are entered and shown in the
-- operator's currencies and converted at the edges.

-- The currency pages, charts, CSV exports and mails show money in (ISO 4217).
ALTER TABLE operator ADD COLUMN display_currency VARCHAR(3) DEFAULT 'USD' NOT NULL;

-- Rates the operator entered for currencies mempool does not price (NOK, PYG, ETB...): units per USD,
-- and the day the rate is of. One per operator and currency.
CREATE TABLE operator_rate (
    operator_id BIGINT           NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
    code        VARCHAR(3)       NOT NULL,
    per_usd     DOUBLE PRECISION NOT NULL,
    as_of       DATE             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_operator_rate PRIMARY KEY (operator_id, code),
    CONSTRAINT ck_operator_rate_range CHECK (per_usd >= 0.000001 AND per_usd <= 1000000)
);

-- The BTC price in the other currencies mempool prices it in, read with price_usd (null when the
-- source gave none: esplora, or snapshots stored before this version). Units per USD = price_x / price_usd.
ALTER TABLE network_snapshot ADD COLUMN price_eur DOUBLE PRECISION;
ALTER TABLE network_snapshot ADD COLUMN price_gbp DOUBLE PRECISION;
ALTER TABLE network_snapshot ADD COLUMN price_cad DOUBLE PRECISION;
ALTER TABLE network_snapshot ADD COLUMN price_chf DOUBLE PRECISION;
ALTER TABLE network_snapshot ADD COLUMN price_aud DOUBLE PRECISION;
ALTER TABLE network_snapshot ADD COLUMN price_jpy DOUBLE PRECISION;

-- What a site's tariff (flat and bands) and hosting fee, and a rig group's purchase price, are
-- entered in. The amounts stay in their existing columns, in that currency.
ALTER TABLE site ADD COLUMN tariff_currency VARCHAR(3) DEFAULT 'USD' NOT NULL;
ALTER TABLE site ADD COLUMN hosting_currency VARCHAR(3) DEFAULT 'USD' NOT NULL;
ALTER TABLE rig_group ADD COLUMN purchase_currency VARCHAR(3) DEFAULT 'USD' NOT NULL;

-- The rates a ledger day was priced at, JSON {"EUR": 0.925, "NOK": 10.9, ...} (units per USD), so
-- the day reads the same in any display currency however rates move later. Null before this version.
ALTER TABLE ledger_day ADD COLUMN fx_rates VARCHAR(4000);
