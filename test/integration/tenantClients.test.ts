import { randomBytes } from "node:crypto";
import { InstallProvider, LogLevel, type Installation } from "@slack/oauth";
import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resumeTenant, suspendTenant } from "../../src/features/installations/installations.js";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { OutboxWorker } from "../../src/slack/outbox.js";
import { installedWorkspaces } from "../../src/slack/tenancy/clients.js";
import { prismaInstallationStore } from "../../src/slack/tenancy/installationStore.js";
import type { Db } from "../../src/store/database.js";
import { enqueue } from "../../src/store/outbox.js";
import { ensureWorkspace } from "../../src/store/workspaces.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const keys = { current: randomBytes(32), old: [] as Buffer[] };
const HOUR = 3600_000;

/**
 * The outbox's Web API clients in distributed mode (src/slack/tenancy/clients.ts), against the
 * Slack stand-in's installs: how often a send reads the installations table, and that an uninstall,
 * a re-install and a token rotation each take effect on the very next send.
 */
describe.each(testProviders)("each tenant's Slack client on %s", (provider) => {
  let database: MigratedTestDatabase;
  let slack: FakeSlack;
  let worker: OutboxWorker;
  let store: ReturnType<typeof prismaInstallationStore>;
  /** Reads of the installations table by the clients and the installation store: with the tokens, and without. */
  const reads = { tokens: 0, state: 0 };
  let n = 0;
  /** The outbox's clock: a person's DM takes a message a second, so sendAll moves it on a second at a time. */
  let clock = new Date();

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    slack = await new FakeSlack().start();
    const counted = database.prisma.$extends({
      query: {
        installation: {
          async $allOperations({ operation, args, query }) {
            if (operation.startsWith("find")) {
              const select = (args as { select?: Record<string, unknown> }).select;
              if (!select || select.botToken) reads.tokens += 1;
              else reads.state += 1;
            }
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    store = prismaInstallationStore(counted, keys);
    const installer = new InstallProvider({
      clientId: slack.tenants.clientId,
      clientSecret: slack.tenants.clientSecret,
      stateSecret: "state-secret-for-the-clients-test",
      installationStore: store,
      clientOptions: { slackApiUrl: slack.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    // As src/main.ts builds the outbox's clients: the outbox, not the client, decides about retries.
    const clients = installedWorkspaces(counted, installer, (token) => new WebClient(token, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }));
    worker = new OutboxWorker({ db: database.prisma, clients, logger: pino({ level: "silent" }), ratePerSecond: 1000, reclaimAfterMs: 60_000, now: () => clock });
  });

  afterAll(async () => {
    await slack?.stop();
    await database?.drop();
  });

  /** What /slack/oauth_redirect does for an install: the code exchanged for a token, the installation stored. Returns the token. */
  async function install(teamId: string, expiresInSeconds?: number): Promise<string> {
    await ensureWorkspace(database.prisma, teamId);
    slack.addUser({ id: `U0${teamId}`, teamId, name: `Someone at ${teamId}`, tz: "UTC" });
    const code = slack.tenants.authorize({ teamId, teamName: teamId, installerUserId: `U0${teamId}`, ...(expiresInSeconds ? { expiresInSeconds } : {}) });
    const granted = slack.tenants.exchange({ code, client_id: slack.tenants.clientId, client_secret: slack.tenants.clientSecret }, null) as {
      access_token: string;
      bot_user_id: string;
      refresh_token?: string;
      expires_in?: number;
    };
    const rotating = granted.refresh_token ? { refreshToken: granted.refresh_token, expiresAt: Math.floor(Date.now() / 1000) + granted.expires_in! } : {};
    await store.storeInstallation({
      team: { id: teamId },
      enterprise: undefined,
      user: { id: `U0${teamId}`, token: undefined, scopes: undefined },
      bot: { token: granted.access_token, scopes: ["chat:write"], id: `B${teamId}`, userId: granted.bot_user_id, ...rotating },
      tokenType: "bot",
      isEnterpriseInstall: false,
      authVersion: "v2",
    } as Installation<"v2", false>);
    return granted.access_token;
  }

  const queue = (teamId: string, text: string) =>
    enqueue(database.prisma, { workspaceId: teamId, key: `test:${(n += 1)}`, channel: `U0${teamId}`, payload: { text }, notBefore: clock });
  /** Every chat.postMessage to the tenant's person, refused or not. */
  const triedTo = (teamId: string) => slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === `U0${teamId}`);
  /** Drains the outbox until nothing more is due, a second later each time. */
  async function sendAll(): Promise<{ sent: number; held: number }> {
    const total = { sent: 0, held: 0 };
    for (;;) {
      const t = await worker.drain();
      total.sent += t.sent;
      total.held += t.held;
      if (t.sent + t.held + t.deferred === 0) return total;
      clock = new Date(clock.getTime() + 1000);
    }
  }
  const since = (before: typeof reads) => ({ tokens: reads.tokens - before.tokens, state: reads.state - before.state });

  it("sends many messages for one workspace with one read of its tokens; each send reads only whether the installation changed", async () => {
    const token = await install("T0MANY");
    for (let i = 1; i <= 12; i++) await queue("T0MANY", `news ${i}`);
    const before = { ...reads };
    expect(await sendAll()).toEqual({ sent: 12, held: 0 });
    expect(since(before)).toEqual({ tokens: 1, state: 12 });
    expect(triedTo("T0MANY").map((c) => c.token)).toEqual(Array(12).fill(token));
    expect(slack.messagesIn("U0T0MANY")).toHaveLength(12);
  });

  it("after an uninstall nothing more is tried with the client it kept; after a re-install the next send uses the new token", async () => {
    const first = await install("T0BACK");
    await queue("T0BACK", "before the uninstall");
    expect(await sendAll()).toEqual({ sent: 1, held: 0 });

    // Another instance handles app_uninstalled: this worker's kept client must not be used again.
    expect((await suspendTenant(database.prisma, "T0BACK", new Date(), 30)).suspended).toBe(true);
    slack.tenants.revoke("T0BACK");
    await queue("T0BACK", "while uninstalled");
    expect(await sendAll()).toEqual({ sent: 0, held: 1 });
    expect(triedTo("T0BACK").map((c) => c.token)).toEqual([first]);

    const second = await install("T0BACK");
    expect(await resumeTenant(database.prisma, "T0BACK")).toEqual({ released: 1 });
    expect(await sendAll()).toEqual({ sent: 1, held: 0 });
    expect(triedTo("T0BACK").map((c) => c.token)).toEqual([first, second]);
    expect(slack.messagesIn("U0T0BACK").map((m) => m.text)).toEqual(["before the uninstall", "while uninstalled"]);
  });

  it("a rotating token is refreshed through the installer once it is within two hours of expiring, and the new one is used from then on", async () => {
    const first = await install("T0ROTA", 12 * 3600);
    await queue("T0ROTA", "morning");
    await queue("T0ROTA", "noon");
    expect(await sendAll()).toEqual({ sent: 2, held: 0 });
    expect(triedTo("T0ROTA").map((c) => c.token)).toEqual([first, first]);

    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(clock.getTime() + 10 * HOUR + 60_000);
      clock = new Date();
      await queue("T0ROTA", "evening");
      await queue("T0ROTA", "night");
      expect(await sendAll()).toEqual({ sent: 2, held: 0 });
    } finally {
      vi.useRealTimers();
    }
    const [rotated] = slack.tenants.tokensOf("T0ROTA");
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(first);
    expect(triedTo("T0ROTA").map((c) => c.token)).toEqual([first, first, rotated, rotated]);
    expect(slack.messagesIn("U0T0ROTA").map((m) => m.text)).toEqual(["morning", "noon", "evening", "night"]);
  });
});
