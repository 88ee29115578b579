import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, openToken, parseTokenKey, sealToken, sealedUnder } from "../../src/slack/tenancy/tokenSeal.js";

const key = () => randomBytes(32);

describe("bot tokens sealed at rest", () => {
  it("opens what it sealed, and the sealed text does not contain the token", () => {
    const keys = { current: key(), old: [] };
    const sealed = sealToken("xoxb-123-456-secret", keys);
    expect(sealed).not.toContain("secret");
    expect(sealed).not.toContain("xoxb");
    expect(openToken(sealed, keys)).toBe("xoxb-123-456-secret");
    expect(sealToken("xoxb-123-456-secret", keys)).not.toBe(sealed); // a fresh IV every time
  });

  it("opens a token sealed under an old key during a rotation, and names a key it does not have", () => {
    const before = key();
    const after = key();
    const sealed = sealToken("xoxb-old", { current: before, old: [] });
    expect(sealedUnder(sealed)).toBe(keyId(before));
    expect(openToken(sealed, { current: after, old: [before] })).toBe("xoxb-old");
    expect(() => openToken(sealed, { current: after, old: [] })).toThrow(`sealed under key ${keyId(before)}`);
  });

  it("refuses a token that was altered", () => {
    const keys = { current: key(), old: [] };
    const parts = sealToken("xoxb-abc", keys).split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => openToken(parts.join("."), keys)).toThrow("does not open");
  });

  it("reads a key as 64 hex digits or base64 of 32 bytes, and explains anything else", () => {
    const k = key();
    expect(parseTokenKey(k.toString("hex")).equals(k)).toBe(true);
    expect(parseTokenKey(k.toString("base64")).equals(k)).toBe(true);
    expect(() => parseTokenKey("short")).toThrow("openssl rand -base64 32");
    expect(() => parseTokenKey(randomBytes(16).toString("base64"))).toThrow("32 random bytes");
  });
});
