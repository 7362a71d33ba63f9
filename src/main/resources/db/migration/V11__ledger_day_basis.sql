-- The ledger records what the fleet earned under the operating policy the operator runs ("switch off
-- when losing"), each day's snapshots weighted by the time each was in force. Two figures per day:
-- hours: the day's true length (23 or 25 across a clock change; fewer on the day the fleet was set up);
-- keep_running_profit_usd: the fleet's profit had every group run, so the summary can show what
-- switching off saved. Both null on days recorded before this version.
ALTER TABLE ledger_day ADD COLUMN hours DOUBLE PRECISION;
ALTER TABLE ledger_day ADD COLUMN keep_running_profit_usd DOUBLE PRECISION;
