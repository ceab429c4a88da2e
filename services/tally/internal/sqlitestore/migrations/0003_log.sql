-- The log of every election (see tally.Store): its leaves, numbered from 0
-- in commit order, each with the tree hashes appending it completed (its
-- record hash, then one per subtree it completed; 32 bytes each), so that
-- every hash of the tree is stored with the leaf that completed it.
CREATE TABLE log_entries (
    election TEXT    NOT NULL REFERENCES elections (id),
    idx      INTEGER NOT NULL CHECK (idx >= 0),
    leaf     BLOB    NOT NULL,
    hashes   BLOB    NOT NULL,
    PRIMARY KEY (election, idx)
) STRICT;

-- The leaf of each change; NULL for changes stored before the log existed.
ALTER TABLE protocols ADD COLUMN log_index INTEGER;
ALTER TABLE phase_changes ADD COLUMN log_index INTEGER;
