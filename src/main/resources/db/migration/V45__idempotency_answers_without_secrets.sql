-- Stored answers to webhook registrations held the webhook's signing secret, which a retry with the same
-- Idempotency-Key would have read again. Answers are now stored without it; this removes it from those
-- stored before. (The secret is the last member of the object, written without spaces.)
update api_idempotency
   set body = regexp_replace(body, ',"secret":"[^"]*"', '')
 where body like '%"secret":%';
