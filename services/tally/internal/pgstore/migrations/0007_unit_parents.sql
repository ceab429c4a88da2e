-- A unit's parent is no longer checked by a deferred foreign key (decision
-- 111): at commit PostgreSQL ran one query per inserted unit, and the units
-- of an import (one call per 5,000 stations) spent most of their time
-- there while holding the election's row lock every writer takes. The
-- store checks the parents of each call in one query instead (pgstore's
-- addUnits), under that same lock; no unit is ever deleted.
ALTER TABLE units DROP CONSTRAINT units_election_parent_fkey;
