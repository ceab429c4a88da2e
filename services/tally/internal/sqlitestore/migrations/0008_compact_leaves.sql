-- From this version a leaf of the log may be stored compact: a marker byte,
-- the distance back to a leaf of the same transaction stored whole whose
-- envelope it shares, and its body (decision 109, leafform.go). No table
-- changes; the version is what tells a tallyd built before it, which would
-- read such a leaf as bytes that are not a leaf, that the store is newer
-- than it (migrate.Pending refuses such a store).
SELECT 1;
