-- The log's leaves and the units no longer check their election by
-- foreign key (decision 107). Every writer locks the election's row before
-- it inserts either (FOR NO KEY UPDATE, which fails for a missing
-- election), and no election is ever deleted, so the check repeated, per
-- leaf and per unit, a lookup its own transaction had just made: about a
-- fifth of PostgreSQL's CPU in an import of Russia's 96,871 protocols.
ALTER TABLE log_entries DROP CONSTRAINT log_entries_election_fkey;
ALTER TABLE units DROP CONSTRAINT units_election_fkey;
