-- An invitation can be accepted through a link sent to the invitee: the link's token is kept only as its
-- SHA-256, so that reading the table does not let anyone accept it.
alter table household_invitation add column link_token_hash varchar(64);
