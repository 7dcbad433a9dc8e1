-- Blocking keys of every matchable entity, computed once at ingest by the matching engine
-- (name skeletons and variant groups, birth dates, identifiers, address numbers), so that a new
-- record finds its candidates among everything already held without rescanning the store.
CREATE TABLE match_key (
  entity_id VARCHAR(128) NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  agency    VARCHAR(16)  NOT NULL,
  mkey      VARCHAR(256) NOT NULL,
  PRIMARY KEY (entity_id, mkey)
);
CREATE INDEX match_key_key ON match_key(mkey, agency);
