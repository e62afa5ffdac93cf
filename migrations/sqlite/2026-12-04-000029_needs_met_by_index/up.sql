-- The needs a deleted interaction, favor or introduction met
-- (`needs::store::ids_met_by`, on every such delete): read from this index,
-- not from all of the user's needs, in the order it reads them.
CREATE INDEX needs_met_by ON needs (user_id, met_by_id, id);
