/** Rounds' three slash commands with the usage hints its Slack app manifest gives them. */
export const COMMANDS = [
  { command: "/findmentor", hint: "[keywords, e.g. thrombosis grants]", description: "Find mentors ranked by how well they fit you" },
  { command: "/mentoring", hint: "[profile | log | goals | pause | resume | exclusions | privacy | thanks @mentor message]", description: "Your mentoring hub — profile, meetings, goals, availability" },
  { command: "/mentoring-admin", hint: "[program | people | directors | round | announce | announcements | thanks | report | surveys]", description: "Program directors — programs, people, rounds, announcements, reports" },
] as const;

export type CommandName = (typeof COMMANDS)[number]["command"];

/** "/findmentor VTE" → the command and its text; null when the text is not one of the three. */
export function parseCommand(text: string): { command: CommandName; text: string } | null {
  const match = /^(\/[\w-]+)\s*([\s\S]*)$/.exec(text.trim());
  const found = match && COMMANDS.find((c) => c.command === match[1]);
  return found ? { command: found.command, text: match[2]!.trim() } : null;
}
