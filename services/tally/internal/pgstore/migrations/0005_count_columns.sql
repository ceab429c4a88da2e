-- A protocol's counts compactly (issue 19): line_counts and vote_counts
-- hold countcodec's encoding (positions in the contest's sorted line and
-- choice ids of the stored definition, zigzag varints) instead of JSON by
-- name. The Go step of this migration (countColumns in pgstore) fills them
-- from lines and votes, then drops those and makes the new ones NOT NULL.
ALTER TABLE protocols ADD COLUMN line_counts bytea, ADD COLUMN vote_counts bytea;
