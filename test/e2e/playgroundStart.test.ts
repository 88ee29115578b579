import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, mainScript } from "../support/appProcess.js";

/** A fresh clone with no Slack settings: `npm start` is the Playground, on 127.0.0.1, with its own database. */
describe("npm start with no Slack settings", () => {
  it("opens the Playground: one line on the terminal, the page on 127.0.0.1, the demo in data/playground.db", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "rounds-fresh-clone-"));
    const port = await freePort();
    const child = spawn(process.execPath, [mainScript], { cwd, env: { PATH: process.env.PATH ?? "", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!out.includes("\n") && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out).toBe(`Rounds Playground: open http://127.0.0.1:${port} (no Slack app configured; README says how to connect one)\n`);
      expect(err).toBe("");
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toContain("<title>Rounds Playground</title>");
      const state = (await (await fetch(`http://127.0.0.1:${port}/api/state?as=U0DIRECTOR`)).json()) as { people: unknown[]; conversations: { id: string }[] };
      expect(state.people).toHaveLength(21);
      expect(existsSync(path.join(cwd, "data/playground.db"))).toBe(true);
      expect(existsSync(path.join(cwd, "data/rounds.db"))).toBe(false);
    } finally {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 90_000);
});
