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
    slack.tenants.addOrg("E0UNI", ["T0MED", "T0HOSP"], "University Health");
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

  it("a workspace's own token in a Grid org reaches that workspace only: not a colleague in another of the org's workspaces, nor a group DM with them", async () => {
    const med = await install({ teamId: "T0MED", installerUserId: "U0ANA" });
    expect(med.enterprise?.id).toBe("E0UNI");
    const web = client(med.access_token);
    expect((await web.users.info({ user: "U0ANA" })).user?.id).toBe("U0ANA");
    slack.expectRefusal({ method: "users.info", error: "user_not_found" });
    await expect(web.users.info({ user: "U0BEN" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
    slack.expectRefusal({ method: "chat.postMessage", error: "channel_not_found" });
    await expect(web.chat.postMessage({ channel: "U0BEN", text: "hello" })).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    slack.expectRefusal({ method: "conversations.open", error: "user_not_found" });
    await expect(web.conversations.open({ users: "U0ANA,U0BEN" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
    slack.expectRefusal({ method: "chat.postMessage", error: "channel_not_found" });
    await expect(web.chat.postMessage({ channel: "G-U0ANA-U0BEN", text: "Meet your mentor" })).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    slack.expectRefusal({ method: "views.publish", error: "user_not_found" });
    await expect(web.views.publish({ user_id: "U0BEN", view: { type: "home", blocks: [] } })).rejects.toMatchObject({ data: { error: "user_not_found" } });
    slack.tenants.revoke("T0MED");
  });

  it("users.info names the org and the person's org roles for someone in a Grid org's workspace, and nothing of the kind elsewhere", async () => {
    slack.addUser({ id: "U0ORGADM", teamId: "T0HOSP", name: "Org Admin", orgAdmin: true });
    const org = await install({ enterpriseId: "E0UNI", isEnterpriseInstall: true, installerUserId: "U0ANA" });
    const admin = (await client(org.access_token).users.info({ user: "U0ORGADM" })).user!;
    expect(admin).toMatchObject({ is_admin: false, is_owner: false });
    expect(admin.enterprise_user).toEqual({ id: "U0ORGADM", enterprise_id: "E0UNI", enterprise_name: "University Health", is_admin: true, is_owner: false, is_primary_owner: false, teams: ["T0HOSP"] });
    expect((await client(org.access_token).users.info({ user: "U0ANA" })).user!.enterprise_user).toMatchObject({ enterprise_id: "E0UNI", is_admin: false });
    const city = await install({ teamId: "T0CITY", installerUserId: "U0CAL" });
    expect((await client(city.access_token).users.info({ user: "U0CAL" })).user!.enterprise_user).toBeUndefined();
    slack.tenants.revoke("E0UNI");
    slack.tenants.revoke("T0CITY");
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
