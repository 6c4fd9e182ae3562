-- Custom SQL migration file, put your code below! --
-- Revisions are the record of who changed what and why: append-only, even for code that
-- bypasses the API. drizzle-kit does not model triggers, hence this custom migration.
CREATE TRIGGER `revisions_no_update` BEFORE UPDATE ON `revisions` BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `revisions_no_delete` BEFORE DELETE ON `revisions` BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only');
END;
