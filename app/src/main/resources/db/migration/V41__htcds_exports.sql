-- HTCDS exports of victim case records (issue 9): each export records the data-protection
-- officer's approval (who, reference, purpose, recipient) and what was exported.
CREATE TABLE htcds_export (
  id            VARCHAR(64)   PRIMARY KEY,
  agency        VARCHAR(16)   NOT NULL REFERENCES agency(code),
  dpo           VARCHAR(128)  NOT NULL,
  approval_ref  VARCHAR(128)  NOT NULL,
  purpose       VARCHAR(2048) NOT NULL,
  recipient     VARCHAR(512)  NOT NULL,
  approved_on   DATE          NOT NULL,
  exported_by   VARCHAR(128),
  exported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  record_count  INTEGER       NOT NULL
);

CREATE TABLE htcds_export_subject (
  export_id     VARCHAR(64)   NOT NULL REFERENCES htcds_export(id),
  entity_id     VARCHAR(128)  NOT NULL,
  PRIMARY KEY (export_id, entity_id)
);
