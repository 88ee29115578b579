import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogLevel, WebClient } from "@slack/web-api";
import { FakeSlack } from "../../src/slack/standin/server.js";

/** The stand-in serving two workspaces and a Grid org is as strict as Slack about whose token reaches whom. */
describe("the Slack stand-in with many tenants", () => {
  let slack: FakeSlack;
  const client = (token?: string) => new WebClient(token, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
  const install = async (o: Parameters<FakeSlack["tenants"]["authorize"]>[0]) => {
    const code = slack.tenants.authorize(o);
    const answer = await client().oauth.v2.access({ client_id: slack.tenants.clientId, client_secret: slack.tenants.clientSecret, code });
    return answer as unknown as { access_token: string; refresh_token?: string; team: { id: string } | null; enterprise: { id: string } | null; is_enterprise_install: boolean };
  };

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    slack.tenants.addOrg("E0UNI", ["T0MED", "T0HOSP"]);
    slack.addUser({ id: "U0ANA", teamId: "T0MED", name: "Ana" });
    slack.addUser({ id: "U0BEN", teamId: "T0HOSP", name: "Ben" });
    slack.addUser({ id: "U0CAL", teamId: "T0CITY", name: "Cal", email: "cal@city.example" });
    slack.addChannel({ id: "C0CITY", name: "fellows", botIsMember: true, teamId: "T0CITY" });
  });
  afterAll(() => slack.stop());

  it("exchanges a code once for a workspace token that reaches that workspace only", async () => {
    const code = slack.tenants.authorize({ teamId: "T0CITY", installerUserId: "U0CAL" });
    const args = { client_id: slack.tenants.clientId, client_secret: slack.tenants.clientSecret, code };
    const city = (await client().oauth.v2.access(args)) as unknown as { access_token: string; team: { id: string } };
    expect(city.team.id).toBe("T0CITY");
    await expect(client().oauth.v2.access(args)).rejects.toMatchObject({ data: { error: "invalid_code" } });
    const web = client(city.access_token);
    expect((await web.users.info({ user: "U0CAL" })).user?.id).toBe("U0CAL");
    expect((await web.users.lookupByEmail({ email: "cal@city.example" })).user?.id).toBe("U0CAL");
    await web.chat.postMessage({ channel: "C0CITY", text: "Round tables on Friday" });
    slack.expectRefusal({ method: "users.info", error: "user_not_found" });
    await expect(web.users.info({ user: "U0ANA" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
    slack.expectRefusal({ method: "chat.postMessage", error: "channel_not_found" });
    await expect(web.chat.postMessage({ channel: "U0BEN", text: "hello" })).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    expect(slack.messagesIn("U0BEN")).toEqual([]);
  });

  it("an org-wide install reaches every workspace of the org, and a group DM across two of them", async () => {
    const org = await install({ enterpriseId: "E0UNI", isEnterpriseInstall: true, installerUserId: "U0ANA" });
    expect(org.is_enterprise_install).toBe(true);
    expect(org.team).toBeNull();
    const web = client(org.access_token);
    const opened = await web.conversations.open({ users: "U0ANA,U0BEN" });
    await web.chat.postMessage({ channel: opened.channel!.id!, text: "Meet your mentor" });
    expect(slack.messagesIn("G-U0ANA-U0BEN").map((m) => m.text)).toEqual(["Meet your mentor"]);
    slack.expectRefusal({ method: "conversations.open", error: "user_not_found" });
    await expect(web.conversations.open({ users: "U0ANA,U0CAL" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
    expect(await client(org.access_token).auth.test()).toMatchObject({ enterprise_id: "E0UNI", is_enterprise_install: true });
  });

  it("an uninstall kills the tenant's tokens; a token rotation retires the old token", async () => {
    const med = await install({ teamId: "T0MED", installerUserId: "U0ANA", expiresInSeconds: 43_200 });
    expect(med.enterprise?.id).toBe("E0UNI"); // a workspace of a Grid org installs with its org named
    expect(med.refresh_token).toMatch(/^xoxe-1-/);
    const rotated = (await client().oauth.v2.access({ client_id: slack.tenants.clientId, client_secret: slack.tenants.clientSecret, grant_type: "refresh_token", refresh_token: med.refresh_token! })) as unknown as { access_token: string };
    slack.expectRefusal({ method: "users.info", error: "token_revoked" });
    await expect(client(med.access_token).users.info({ user: "U0ANA" })).rejects.toMatchObject({ data: { error: "token_revoked" } });
    expect((await client(rotated.access_token).users.info({ user: "U0ANA" })).ok).toBe(true);
    slack.tenants.revoke("T0MED");
    slack.expectRefusal({ method: "users.info", error: "token_revoked" });
    await expect(client(rotated.access_token).users.info({ user: "U0ANA" })).rejects.toMatchObject({ data: { error: "token_revoked" } });
  });
});
