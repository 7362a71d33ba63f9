-- When the operator followed the signed link mailed to their address; null until then.
-- No summary or alert is mailed to an address that is not verified.
ALTER TABLE operator ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
