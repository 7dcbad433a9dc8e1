-- A record's hits (GET /api/hits?entity=, the profile's list; erasure and review of one record):
-- left_entity leads the (left_entity, right_entity) unique index, right_entity had no index.
CREATE INDEX hit_right_entity ON hit(right_entity);
