import { count } from "../slack/kit/plural.js";
import { readFileSync, writeFileSync } from "node:fs";
import type { Db } from "../store/database.js";
import { cliActor } from "../features/programs/audit.js";
import { grantDirector, revokeDirector, slackUserIdForEmail } from "../features/programs/directors.js";
import { exportRoster, importRoster } from "../features/programs/roster.js";
import type { CliCommand } from "./args.js";
import type { CliSlack } from "./slack.js";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command; resolves with the exit code. */
export async function runCommand(db: Db, slack: CliSlack, command: Exclude<CliCommand, { kind: "help" }>, io: Output, now: () => Date): Promise<number> {
  const by = cliActor(slack.teamId);
  switch (command.kind) {
    case "roster-import": {
      const csv = readFileSync(command.file, "utf8");
      const report = await importRoster(db, slack.directory, by, { programName: command.program, defaultCohort: command.cohort, csv, source: command.file }, now());
      for (const e of report.errors) io.err(`line ${e.line}: ${e.reason}`);
      if (report.cohortsCreated.length) io.out(`Cohorts created: ${report.cohortsCreated.join(", ")}`);
      io.out(
        `Roster import into "${command.program}": ${report.created} created, ${report.updated} updated, ` +
          `${report.unchanged} unchanged, ${report.failed} failed.`,
      );
      return report.failed > 0 ? 1 : 0;
    }
    case "roster-export": {
      const { csv, rows } = await exportRoster(db, by, command.program, now());
      if (command.out) {
        writeFileSync(command.out, csv);
        io.err(`Wrote ${count(rows, "row")} to ${command.out}.`);
      } else {
        io.out(csv.replace(/\n$/, ""));
      }
      return 0;
    }
    case "director": {
      const userId = await resolvePerson(db, slack, command.who);
      if (command.action === "grant") {
        const outcome = await grantDirector({ db, directory: slack.directory, now: now(), workspaceId: by.workspaceId }, by, userId);
        io.out(outcome === "granted" ? `${command.who} (${userId}) is now a director.` : `${command.who} (${userId}) was already granted the director role; nothing changed.`);
      } else {
        const outcome = await revokeDirector({ db, directory: slack.directory, now: now(), workspaceId: by.workspaceId }, by, userId);
        io.out(
          outcome === "revoked"
            ? `${command.who} (${userId}) is no longer a director (Slack admins and owners stay directors).`
            : `${command.who} (${userId}) had no director grant; nothing changed.`,
        );
      }
      return 0;
    }
  }
}

async function resolvePerson(db: Db, slack: CliSlack, who: string): Promise<string> {
  return who.includes("@") ? slackUserIdForEmail(db, slack.directory, slack.teamId, who) : who;
}
