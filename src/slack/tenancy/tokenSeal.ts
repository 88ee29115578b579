import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Bot tokens at rest: sealed with AES-256-GCM under a 32-byte key from the environment
 * (ROUNDS_TOKEN_KEY), so a copy of the database alone never yields a working token.
 *
 * A sealed token reads `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is the
 * first 8 hex digits of the key's SHA-256, so a token sealed under an earlier key is opened with that
 * key (ROUNDS_TOKEN_KEYS_OLD) until `cli installations reseal` seals every token under the current one.
 */
export interface TokenKeys {
  /** Seals new tokens, and opens tokens sealed under it. */
  current: Buffer;
  /** Open tokens sealed under them; never seal. */
  old: Buffer[];
}

export class TokenKeyError extends Error {
  readonly code = "TokenKeyError";
}

/** A key as the environment gives it: 64 hex digits, or base64 of 32 bytes. */
export function parseTokenKey(text: string, name = "ROUNDS_TOKEN_KEY"): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(t) && key.toString("base64").replace(/=+$/, "") !== t.replace(/=+$/, ""))) {
    throw new TokenKeyError(`${name} must be 32 random bytes, as 64 hex digits or base64 (make one with: openssl rand -base64 32)`);
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function sealToken(token: string, keys: TokenKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current, iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", keyId(keys.current), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The key id a sealed token was sealed under (to find tokens still under an old key). */
export function sealedUnder(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === "v1" ? parts[1]! : null;
}

export function openToken(sealed: string, keys: TokenKeys): string {
  const [version, id, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !id || !iv || !tag || body === undefined) throw new TokenKeyError("a stored token is not in the sealed format");
  const key = [keys.current, ...keys.old].find((k) => keyId(k) === id);
  if (!key) throw new TokenKeyError(`a stored token was sealed under key ${id}, which is neither ROUNDS_TOKEN_KEY nor in ROUNDS_TOKEN_KEYS_OLD`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenKeyError(`a stored token under key ${id} does not open: it was altered, or the key is not the one it was sealed with`);
  }
}
