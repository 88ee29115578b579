import { z } from "zod";
import { listInstallations, resealTokens } from "../store/installations.js";
import { keyId, openToken, parseTokenKey, sealToken, sealedUnder, TokenKeyError, type TokenKeys } from "../slack/tenancy/tokenSeal.js";
import { dayTime } from "../slack/kit/dates.js";
import { parseFlags, withDatabase } from "./dbCommand.js";

export const INSTALLATIONS_USAGE = `Usage: npm run cli -- installations list
       npm run cli -- installations reseal
  Rounds installed in many workspaces (SLACK_CLIENT_ID): list the installations (live, or uninstalled and
  when their data is purged), or seal every stored bot token under the current ROUNDS_TOKEN_KEY after a key
  rotation (the earlier keys in ROUNDS_TOKEN_KEYS_OLD open the old ones; afterwards they can be dropped).
  Needs only the database. Environment: DATABASE_URL, ROUNDS_TOKEN_KEY, ROUNDS_TOKEN_KEYS_OLD.`;

const argsSchema = z.object({ positionals: z.tuple([z.enum(["list", "reseal"], { error: "installations takes list or reseal" })]) });

function keysFrom(env: NodeJS.ProcessEnv): TokenKeys {
  if (!env.ROUNDS_TOKEN_KEY?.trim()) throw new TokenKeyError("ROUNDS_TOKEN_KEY is not set: it is the key the stored tokens are sealed with");
  return {
    current: parseTokenKey(env.ROUNDS_TOKEN_KEY),
    old: (env.ROUNDS_TOKEN_KEYS_OLD ?? "").split(",").filter((k) => k.trim()).map((k) => parseTokenKey(k, "ROUNDS_TOKEN_KEYS_OLD")),
  };
}

/** `installations list | reseal`: exit 0 done, 1 failed (a token that no key opens), 2 bad usage. */
export async function runInstallations(argv: string[], env: NodeJS.ProcessEnv, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const args = parseFlags(argv, {}, argsSchema, INSTALLATIONS_USAGE, err);
  if (!args) return 2;
  return withDatabase(err, async (db) => {
    const all = await listInstallations(db);
    if (args.positionals[0] === "list") {
      if (all.length === 0) out("Rounds is installed nowhere yet (or runs with SLACK_BOT_TOKEN, for one workspace).");
      for (const i of all) {
        const what = i.isEnterpriseInstall ? `org ${i.enterpriseName ?? i.enterpriseId}` : `workspace ${i.teamName ?? i.teamId}${i.enterpriseId ? ` (org ${i.enterpriseId})` : ""}`;
        const state = i.revokedAt ? `uninstalled ${dayTime(i.revokedAt, "UTC")}; data purged after ${dayTime(i.purgeAfter!, "UTC")} unless reinstalled` : `installed ${dayTime(i.installedAt, "UTC")}`;
        out(`${i.tenantId}  ${what}: ${state}; token under key ${sealedUnder(i.botToken) ?? "?"}`);
      }
      return 0;
    }
    let keys: TokenKeys;
    try {
      keys = keysFrom(env);
    } catch (error) {
      err((error as Error).message);
      return 2;
    }
    const current = keyId(keys.current);
    const resealed = await resealTokens(db, (sealed) => (sealedUnder(sealed) === current ? sealed : sealToken(openToken(sealed, keys), keys)));
    out(`${resealed.changed} of ${all.length} installations resealed under key ${current}; the rest were already under it.`);
    return 0;
  });
}
