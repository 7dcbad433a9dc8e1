-- The hits inbox (Exchange.inbox): one page of an agency's hits, newest first, per side. With an
-- index on (agency, created_at DESC, id DESC) each side's page reads only offset + limit index
-- entries in order ("index sorted" in H2's plan: 50 rows scanned for DE's first page of the demo
-- store, against all its 2,226 hits sorted before). The other side's entity is in the index too, so
-- the victim filter and the count read no hit rows. They replace the single-column indexes, whose
-- prefix they share (H2 kept choosing those and sorting every hit).
DROP INDEX hit_left;
DROP INDEX hit_right;
CREATE INDEX hit_left_inbox ON hit(left_agency, created_at DESC, id DESC, right_entity);
CREATE INDEX hit_right_inbox ON hit(right_agency, created_at DESC, id DESC, left_entity);
