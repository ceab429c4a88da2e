-- A protocol's station and the version it replaces are no longer checked by
-- foreign key (decision 119). The check ran a query per inserted row at the
-- end of each statement: about a fifth of PostgreSQL's CPU in an import of
-- Russia's 96,871 protocols. The inserts check both themselves, in the same
-- statement, under the election's lock every writer takes: the station is a
-- unit of the election (a join, one index probe per row), and a version n
-- > 1 needs version n - 1 (the guard that was there already); no unit and
-- no protocol is ever deleted.
ALTER TABLE protocols DROP CONSTRAINT protocols_election_station_fkey;
ALTER TABLE protocols DROP CONSTRAINT protocols_election_contest_station_replaces_fkey;
