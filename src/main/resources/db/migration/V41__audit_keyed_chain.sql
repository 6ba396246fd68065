-- The audit chain is keyed: each entry sealed from now on carries an HMAC-SHA256 under a key the
-- application reads from its environment, and the id of that key, so keys can be rotated. Entries
-- sealed before (key_id null) keep their plain SHA-256 hashes: a legacy prefix of the chain, held in
-- place by the first keyed entry, whose HMAC covers the last legacy hash.
alter table audit_entry add column key_id varchar(32);
