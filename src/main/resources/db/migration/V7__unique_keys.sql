-- Uniqueness the application relied on, now kept by the database (two requests at once, two instances).

-- Site names are unique per operator ignoring case and surrounding spaces. H2 2.4 has no index on an
-- expression such as lower(name), so the application fills name_key (the name trimmed, lower case).
ALTER TABLE site ADD COLUMN name_key VARCHAR(100);
UPDATE site SET name_key = LOWER(TRIM(name));
ALTER TABLE site ALTER COLUMN name_key SET NOT NULL;
ALTER TABLE site ADD CONSTRAINT uq_site_name_key UNIQUE (operator_id, name_key);

-- One network snapshot per chain tip and refresh period, however many instances refresh: a second
-- instance storing the same height in the same period replaces the first one's row instead of adding
-- a duplicate. slot = seconds since 1970 / the refresh period; rows stored before this key have
-- slot = -id, which is unique.
ALTER TABLE network_snapshot ADD COLUMN slot BIGINT;
UPDATE network_snapshot SET slot = -id;
ALTER TABLE network_snapshot ALTER COLUMN slot SET NOT NULL;
ALTER TABLE network_snapshot ADD CONSTRAINT uq_network_snapshot_slot UNIQUE (slot, height);
