-- Mirabella's store: the same migrations run on the embedded H2 database and on PostgreSQL.
-- Every fact is a statement with provenance; corrections retract (tombstone) and never overwrite.

CREATE TABLE agency (
  code        VARCHAR(16)  PRIMARY KEY,
  name        VARCHAR(256) NOT NULL,
  country     VARCHAR(8)   NOT NULL,
  tier        VARCHAR(16)  NOT NULL
);

CREATE TABLE case_file (
  agency      VARCHAR(16)  NOT NULL REFERENCES agency(code),
  ref         VARCHAR(128) NOT NULL,
  title       VARCHAR(512),
  opened      DATE,
  PRIMARY KEY (agency, ref)
);

-- A case shared with another agency (a joint investigation team) is visible to it.
CREATE TABLE case_share (
  agency      VARCHAR(16)  NOT NULL,
  case_ref    VARCHAR(128) NOT NULL,
  shared_with VARCHAR(16)  NOT NULL REFERENCES agency(code),
  shared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (agency, case_ref, shared_with),
  FOREIGN KEY (agency, case_ref) REFERENCES case_file(agency, ref)
);

CREATE TABLE entity (
  id          VARCHAR(128) PRIMARY KEY,
  schema_name VARCHAR(64)  NOT NULL,
  agency      VARCHAR(16)  NOT NULL,
  case_ref    VARCHAR(128) NOT NULL,
  category    VARCHAR(16)  NOT NULL,
  review_date DATE         NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  FOREIGN KEY (agency, case_ref) REFERENCES case_file(agency, ref)
);
CREATE INDEX entity_case ON entity(agency, case_ref);
CREATE INDEX entity_review ON entity(review_date);

CREATE TABLE statement (
  id                 CHAR(40)       PRIMARY KEY,
  entity_id          VARCHAR(128)   NOT NULL REFERENCES entity(id),
  schema_name        VARCHAR(64)    NOT NULL,
  property           VARCHAR(64)    NOT NULL,
  prop_value         VARCHAR(65536) NOT NULL,
  original_value     VARCHAR(65536),
  agency             VARCHAR(16)    NOT NULL,
  case_ref           VARCHAR(128)   NOT NULL,
  handling           CHAR(2)        NOT NULL,
  handling_condition VARCHAR(1024),
  reliability        CHAR(1)        NOT NULL,
  accuracy           SMALLINT       NOT NULL,
  source             VARCHAR(512),
  recorded_by        VARCHAR(128),
  recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  retracted_at       TIMESTAMP WITH TIME ZONE,
  retracted_by       VARCHAR(128),
  retraction_reason  VARCHAR(1024)
);
CREATE INDEX statement_entity ON statement(entity_id);
CREATE INDEX statement_agency_case ON statement(agency, case_ref);
