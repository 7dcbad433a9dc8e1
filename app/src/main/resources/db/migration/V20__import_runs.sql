-- Imports (issue 4): which run last stated a statement, so that a re-import can retract the values
-- it no longer states; and one row per import run, as the record of what was imported by whom.

ALTER TABLE statement ADD COLUMN import_run VARCHAR(36);

CREATE TABLE import_run (
  id                   VARCHAR(36)   PRIMARY KEY,
  agency               VARCHAR(16)   NOT NULL,
  case_ref             VARCHAR(128)  NOT NULL,
  mapping              VARCHAR(256)  NOT NULL,
  files                VARCHAR(4096) NOT NULL,
  recorded_by          VARCHAR(128),
  started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  rows_read            BIGINT        NOT NULL,
  rows_rejected        BIGINT        NOT NULL,
  entities_added       BIGINT        NOT NULL,
  statements_added     BIGINT        NOT NULL,
  statements_unchanged BIGINT        NOT NULL,
  statements_retracted BIGINT        NOT NULL,
  FOREIGN KEY (agency, case_ref) REFERENCES case_file(agency, ref)
);
