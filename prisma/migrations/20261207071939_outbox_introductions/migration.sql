-- This is an empty migration.

-- Nothing to change on this database for this migration.
