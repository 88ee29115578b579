import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser, openAs, readmeShot, shot, startPlayground, type RunningPlayground } from "./support/playground.js";

/**
 * The Playground in a real browser (headless Chromium), as a person clicks: the director makes a
 * cohort and a mentor-match round and approves its preview; a fellow searches /findmentor VTE and
 * asks a mentor; the mentor accepts from the DM and both see the introduction; a month later the
 * check-in comes, the mentor says they met and logs the meeting, and their Home shows it. One
 * Playground and one browser for the file; the journeys follow each other, as the story does.
 */

const DIRECTOR = "U0DIRECTOR";
const ANA = "U0ANA";
const IRIS = "U0IRIS";

/** Waits until the locator's text contains `text` (the page redraws as Rounds answers). */
async function shows(locator: Locator, text: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = (await locator.count()) ? await locator.first().innerText() : "";
    if (seen.includes(text)) return seen;
    if (Date.now() > deadline) throw new Error(`"${text}" did not show within ${timeoutMs} ms; the page shows:\n${seen}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe.skipIf(!browserAvailable())("the Playground in a browser", () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const modal = () => page.locator("#pg-modal-layer .bk-modal");
  const messages = () => page.locator(".pg-messages");
  /** The newest message in the open conversation that contains `text`. */
  const message = (text: string) => page.locator(".bk-message", { hasText: text }).last();

  beforeAll(async () => {
    [playground, browser] = await Promise.all([startPlayground(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, timezoneId: "America/New_York", locale: "en-US" });
    page.on("pageerror", (error) => {
      throw error;
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  it("prints its one line and opens on the director's Home, with the demo program's dashboard", async () => {
    expect(playground.output().trim()).toBe(`Rounds Playground: open ${playground.url} (no Slack app configured; README says how to connect one)`);
    await openAs(page, playground.url, DIRECTOR, "home");
    const home = await shows(page.locator(".pg-home"), "Program dashboard");
    expect(home).toContain("Hematology Fellowship");
    expect(home).toContain("12 trainees · 8 mentors · 2 matched");
    await readmeShot(page, "director-dashboard");
  }, 60_000);

  it("journey 1: the director creates a cohort and a mentor-match round, previews it and approves it", async () => {
    await openAs(page, playground.url, DIRECTOR, "home");
    await page.getByRole("button", { name: "New cohort", exact: true }).click();
    await modal().getByLabel("Name").fill("2027 Residents");
    await modal().getByRole("button", { name: "Create", exact: true }).click();
    await shows(modal(), "Cohort 2027 Residents is ready");
    await shot(page, "1-cohort-created");
    await modal().locator('[data-role="cancel"]').click();
    await expect.poll(() => modal().count()).toBe(0);

    await page.getByRole("button", { name: "New round", exact: true }).click();
    await modal().getByLabel("Name").fill("Winter mentor match");
    await modal().getByLabel("Who").selectOption({ label: "Hematology Fellowship › 2026–27 Fellows" });
    await modal().getByLabel("Kind of round").selectOption({ label: "Mentor match — every unmatched trainee gets a mentor" });
    await modal().getByRole("button", { name: "Create", exact: true }).click();
    await shows(modal(), "the preview is on its way to your DM");
    await modal().locator('[data-role="cancel"]').click();

    await page.getByRole("tab", { name: "Messages" }).click();
    const preview = await shows(messages(), "Winter mentor match");
    expect(preview).toContain("Approve");
    await message("Winter mentor match").scrollIntoViewIfNeeded();
    await shot(page, "1-round-preview");
    await readmeShot(page, "round-preview");
    await message("Winter mentor match").getByRole("button", { name: "Approve", exact: true }).click();
    const confirm = page.locator(".bk-confirm");
    if (await confirm.count()) await confirm.locator('[data-role="confirm"]').click();
    await shows(messages(), "approved");
    await shot(page, "1-round-approved");
  }, 90_000);

  it("journey 2: a fellow types /findmentor VTE, reads the cards and requests a mentor", async () => {
    await openAs(page, playground.url, ANA, "messages");
    await page.locator("#pg-text").fill("/find");
    await shows(page.locator(".pg-hints"), "[keywords, e.g. thrombosis grants]");
    await page.locator("#pg-text").fill("/findmentor VTE");
    await page.keyboard.press("Enter");
    const cards = await shows(messages(), "Mentors for you matching “VTE”");
    expect(cards).toContain("Dr. Iris Chen");
    expect(cards).toContain("Only visible to you");
    await shot(page, "2-findmentor-cards");
    await readmeShot(page, "findmentor-cards");
    await page.locator(".bk-section", { hasText: "Dr. Iris Chen" }).getByRole("button", { name: "Request", exact: true }).click();
    await shows(modal(), "Request a mentor");
    await modal().getByRole("button", { name: "Send request", exact: true }).click();
    await shows(modal(), "Choose the kind of help you want."); // the inline error under the field left empty
    await modal().getByLabel("What kind of help").selectOption({ label: "Mentor" });
    await modal().getByLabel("A short message").fill("I see VTE patients in clinic and want to start a project on cancer-associated thrombosis. Could you mentor me?");
    await shot(page, "2-request-modal");
    await modal().getByRole("button", { name: "Send request", exact: true }).click();
    await expect.poll(() => modal().count(), { timeout: 10_000 }).toBe(0);
    await shows(messages(), "Dr. Iris Chen");
    await shot(page, "2-request-sent");
  }, 90_000);

  it("journey 3: the mentor accepts from the DM, and both see the introduction", async () => {
    await openAs(page, playground.url, IRIS, "messages");
    await shows(messages(), "Ana López asks you to be their mentor");
    await shot(page, "3-request-dm");
    await message("Ana López asks you to be their mentor").getByRole("button", { name: "Accept", exact: true }).click();
    const group = page.locator(".pg-group", { hasText: "Ana López" });
    await group.waitFor({ timeout: 20_000 });
    await group.click();
    const intro = await shows(messages(), "Ana López");
    expect(intro).toContain("Dr. Iris Chen");
    await shot(page, "3-introduction-mentor");

    await page.locator("#pg-who").selectOption(ANA);
    const anaGroup = page.locator(".pg-group", { hasText: "Dr. Iris Chen" });
    await anaGroup.click();
    await shows(messages(), "Ana López");
    await shot(page, "3-introduction-trainee");
  }, 90_000);

  it("journey 4: a month later the check-in comes, the mentor says they met and logs it, and the Home shows it", async () => {
    await openAs(page, playground.url, IRIS, "messages");
    await page.getByRole("button", { name: "+1 month", exact: true }).click();
    await expect.poll(() => page.locator(".pg-busy").count(), { timeout: 60_000 }).toBe(0);
    await shows(messages(), "Did you and your mentee", 30_000);
    await shot(page, "4-checkin-dm");
    await readmeShot(page, "checkin-dm");
    const checkin = message("Did you and your mentee");
    await checkin.getByRole("button", { name: "Met", exact: true }).click();
    // "Met" opens the meeting log at once (the DM keeps a "Log the meeting" button for later).
    await shows(modal(), "Log a meeting");
    await modal().getByLabel("What you covered").fill("Outlined the cancer-associated thrombosis project and the data we need.");
    await shot(page, "4-log-meeting");
    await modal().locator('[data-role="submit"]').click();
    await shows(modal(), "Meeting saved");
    await modal().locator('[data-role="cancel"]').click();
    await page.getByRole("tab", { name: "Home" }).click();
    const home = await shows(page.locator(".pg-home"), "Ana López");
    expect(home).toMatch(/Last meeting: \w{3} \d{1,2} \w{3} \d{4}/);
    await shot(page, "4-home");
  }, 120_000);

  it("the director's exports arrive as files: the roster as a CSV to download, the dashboard chart as a PNG shown inline", async () => {
    await openAs(page, playground.url, DIRECTOR, "home");
    await page.getByRole("button", { name: "Export roster", exact: true }).first().click();
    await page.getByRole("button", { name: "Chart", exact: true }).first().click();
    await page.getByRole("tab", { name: "Messages" }).click();
    const csvLink = page.locator(".bk-file", { hasText: "CSV" }).locator("a.bk-file-download").last();
    await csvLink.waitFor({ timeout: 20_000 });
    const download = await (await page.request.get(`${playground.url}${await csvLink.getAttribute("href")}`)).text();
    expect(download.split("\n")[0]).toMatch(/^email,role,cohort,/);
    expect(download).toContain("iris.chen@stmarys-heme.example.org,mentor");
    const chart = page.locator(".bk-file-image img").last();
    await chart.waitFor({ timeout: 20_000 });
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(() => chart.evaluate((img) => ((img as unknown as { complete: boolean }).complete ? (img as unknown as { naturalWidth: number }).naturalWidth : 0)), { timeout: 10_000 }).toBeGreaterThan(100);
    await shot(page, "5-files");
  }, 60_000);
});
