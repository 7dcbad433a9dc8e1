-- The network index (issue 7): one row per statement that links an entity to another entity (an
-- entity-typed property such as Associate.person, Payment.payer, BorderCrossing.vehicle) or to a
-- shared "pivot" value (a phone number, IBAN, e-mail, identifier or address, by its cleaned value,
-- as target 'pivot:<type>:<value>'). Filled in the same transaction as the statements, so the graph
-- never lags the store. Rows are an index only: readers join the statement (its retraction and its
-- access rules) and build the graph from the entities as the viewer may see them. Erasing a
-- statement erases its link (ON DELETE CASCADE).
CREATE TABLE entity_link (
  statement_id  CHAR(40)     NOT NULL PRIMARY KEY REFERENCES statement(id) ON DELETE CASCADE,
  source_id     VARCHAR(128) NOT NULL,
  source_schema VARCHAR(64)  NOT NULL,
  property      VARCHAR(64)  NOT NULL,
  target_id     VARCHAR(640) NOT NULL,
  pivot         BOOLEAN      DEFAULT FALSE NOT NULL,
  agency        VARCHAR(16)  NOT NULL,
  case_ref      VARCHAR(128) NOT NULL,
  handling      CHAR(2)      NOT NULL,
  -- The source entity's extent in time when it has one (date, startDate, endDate), as partial
  -- ISO dates ('2024', '2024-08', '2024-08-14'), so time filters can run on the index.
  start_date    VARCHAR(32),
  end_date      VARCHAR(32)
);
CREATE INDEX entity_link_source ON entity_link(source_id);
CREATE INDEX entity_link_target ON entity_link(target_id);
