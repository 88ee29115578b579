#!/usr/bin/env node
import { existsSync } from "node:fs";
import { openDatabase } from "../store/database.js";
import { parseCommand, parseEnv, UsageError, USAGE } from "./args.js";
import { runCommand } from "./commands.js";
import { cliErrorText } from "./errorText.js";
import { CliTeamError, connectCliSlack } from "./slack.js";
import { runMatchCommand } from "./match.js";
import { runJobCommand } from "./job.js";
import { runRankingCommand } from "./ranking.js";
import { runThanksShortlist } from "./thanks.js";
import { runReportCommand } from "./report.js";
import { runProgramSettings } from "./programSettings.js";
import { runProgramList } from "./programList.js";
import { runYearCommand } from "./year.js";
import { runBackupCommand, runRestoreCommand } from "./backup.js";
import { runInstallations } from "./installations.js";
import { runSurveysCommand } from "./surveys.js";
import { runRoundTablesCommand } from "./roundTables.js";

/** The admin command line: `npm run cli -- COMMAND` (see USAGE). */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === "match") return runMatchCommand(argv.slice(1), (t) => console.log(t));
  if (existsSync(".env")) process.loadEnvFile(".env");
  if (argv[0] === "ranking") return runRankingCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "job") return runJobCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "thanks-shortlist") return runThanksShortlist(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "report") return runReportCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "program" && argv[1] === "list") return runProgramList(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "installations") return runInstallations(argv.slice(1), process.env, (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "backup") return runBackupCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "restore") return runRestoreCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "surveys") return runSurveysCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "year") return runYearCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "roundtables") return runRoundTablesCommand(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  if (argv[0] === "program" && argv[1] === "settings") return runProgramSettings(argv.slice(1), (t) => console.log(t), (t) => console.error(t));
  let command;
  let env;
  // The commands that talk to Slack take --team in distributed mode (the installation to use).
  const teamAt = argv.indexOf("--team");
  const team = teamAt >= 0 ? argv[teamAt + 1] : undefined;
  if (teamAt >= 0) argv = [...argv.slice(0, teamAt), ...argv.slice(teamAt + 2)];
  try {
    command = parseCommand(argv);
    if (command.kind === "help") {
      console.log(USAGE);
      return 0;
    }
    env = parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const { db } = await openDatabase(env.DATABASE_URL);
  try {
    const slack = await connectCliSlack(db.prisma, env, team);
    return await runCommand(db.prisma, slack, command, { out: (t) => console.log(t), err: (t) => console.error(t) }, () => new Date());
  } catch (error) {
    if (error instanceof CliTeamError) {
      console.error(error.message);
      return 2;
    }
    console.error(cliErrorText(error));
    return 1;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(cliErrorText(error));
    process.exitCode = 1;
  },
);
