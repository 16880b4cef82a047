-- THE revocation rule of access tokens (shared/users/access-tokens.ts writes the key): the user's
-- not-before key holds 'deleted' once the account is gone, else the instant (ms) before which their
-- tokens are void. Returns nil for a token that holds, else the answer code.
local function tokenRevocation(notBeforeKey, issuedAtMs)
  local notBefore = redis.call('GET', notBeforeKey)
  if notBefore == 'deleted' then return 'ACCOUNT_DELETED' end
  if notBefore and tonumber(issuedAtMs) < tonumber(notBefore) then return 'TOKEN_REVOKED' end
  return nil
end
