-- Whether the holder's tokens were voided since this one was issued (the routes that are not on
-- the order hot path; admit-order and start-payment make the same check inside their own step).
-- KEYS: 1 the user's token not-before; ARGV: 1 the token's issued-at ms
--- @include "includes/token-revocation"
return tokenRevocation(KEYS[1], ARGV[1]) or 'OK'
