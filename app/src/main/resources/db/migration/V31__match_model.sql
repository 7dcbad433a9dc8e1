-- The fitted matching model, persisted and versioned: incremental matching after each import uses
-- the latest version instead of refitting per batch; `mirabella xref --refit` adds a new version.
-- A hit records the version that scored it (hit.model_version), so past results stay reproducible.
CREATE TABLE match_model (
  version    INTEGER          PRIMARY KEY,
  algorithm  VARCHAR(64)      NOT NULL,
  lambda     DOUBLE PRECISION NOT NULL,
  records    BIGINT           NOT NULL,
  pairs      BIGINT           NOT NULL,
  em_pairs   BIGINT           NOT NULL,
  fitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  fitted_by  VARCHAR(128)
);

-- m = P(level | match), u = P(level | non-match), per feature and comparison level.
CREATE TABLE match_model_level (
  version  INTEGER          NOT NULL REFERENCES match_model(version) ON DELETE CASCADE,
  feature  VARCHAR(64)      NOT NULL,
  level_no SMALLINT         NOT NULL,
  label    VARCHAR(128)     NOT NULL,
  m        DOUBLE PRECISION NOT NULL,
  u        DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (version, feature, level_no)
);

-- Term-frequency adjustment: the values commoner than an average agreement (a shared "Mohamed"
-- counts less); rarer values get the average weight.
CREATE TABLE match_model_frequency (
  version   INTEGER          NOT NULL REFERENCES match_model(version) ON DELETE CASCADE,
  feature   VARCHAR(64)      NOT NULL,
  val       VARCHAR(256)     NOT NULL,
  frequency DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (version, feature, val)
);

-- Blocking statistics: keys held by more entities than the cap when the model was fitted are not
-- looked up (like the batch blocker's oversized blocks); fixed per version, so candidates do not
-- depend on load order.
CREATE TABLE match_model_stop_key (
  version INTEGER      NOT NULL REFERENCES match_model(version) ON DELETE CASCADE,
  mkey    VARCHAR(256) NOT NULL,
  holders BIGINT       NOT NULL,
  PRIMARY KEY (version, mkey)
);

ALTER TABLE hit ADD COLUMN model_version INTEGER;
