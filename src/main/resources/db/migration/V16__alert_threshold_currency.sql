-- Alert thresholds in a currency (issue 21): a money rule's threshold (price-below, price-above,
-- hashprice-below, fleet-profit-below) is the amount as the operator entered it, in threshold_currency
-- (ISO 4217); the rule is evaluated in that currency at each snapshot's rate. Rules made before this
-- version are in USD. Null for the kinds whose threshold is not money (pool-underpaid's percent).
ALTER TABLE alert_rule ADD COLUMN threshold_currency VARCHAR(3);
UPDATE alert_rule SET threshold_currency = 'USD'
    WHERE kind IN ('price-below', 'price-above', 'hashprice-below', 'fleet-profit-below');
