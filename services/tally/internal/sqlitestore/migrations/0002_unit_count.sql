-- The number of units of each election, kept by every insert of units, so
-- that a replica sees another one added some without counting them.
ALTER TABLE elections ADD COLUMN unit_count INTEGER NOT NULL DEFAULT 0;
UPDATE elections SET unit_count = (SELECT count(*) FROM units WHERE units.election = elections.id);
