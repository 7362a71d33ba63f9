-- A halving inside a past UTC day splits its expected earnings at the halving block's time, as a
-- retarget does (earnings/Expectations); null on every other day, and on days stored before this.
ALTER TABLE network_day ADD COLUMN halving_at TIMESTAMP WITH TIME ZONE;
