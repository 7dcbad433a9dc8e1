-- The audit trail: append-only, each record chained to the previous one by SHA-256. The head
-- (last sequence number and hash) is kept beside it, so a cut tail is noticed too.

CREATE TABLE audit_log (
  seq            BIGINT        PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  username       VARCHAR(128)  NOT NULL,
  agency         VARCHAR(16)   NOT NULL,
  action         VARCHAR(64)   NOT NULL,
  object         VARCHAR(256),
  object_agency  VARCHAR(16),
  justification  VARCHAR(2048),
  detail         VARCHAR(2048),
  prev_hash      CHAR(64)      NOT NULL,
  hash           CHAR(64)      NOT NULL
);
CREATE INDEX audit_user ON audit_log(username);
CREATE INDEX audit_agency ON audit_log(agency);
CREATE INDEX audit_object ON audit_log(object);
CREATE INDEX audit_object_agency ON audit_log(object_agency);
CREATE INDEX audit_at ON audit_log(at);

CREATE TABLE audit_head (
  id    INTEGER  PRIMARY KEY,
  seq   BIGINT   NOT NULL,
  hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head(id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
