import { MENTOR_ROLES, labelOf } from "../../domain/vocabulary.js";

/**
 * Who the other person of a mentorship is to the reader, in one phrase: a trainee reads "your
 * sponsor <@M>", a mentor reads "your mentee <@T>" (and, when the role is not plain mentoring,
 * "your mentee <@T> (you're their sponsor)"). `other` is mrkdwn: a mention, or an escaped name.
 */
export function yourOther(role: string, reader: "trainee" | "mentor", other: string): string {
  const word = labelOf(MENTOR_ROLES, role).toLowerCase();
  if (reader === "trainee") return `your ${word} ${other}`;
  return word === "mentor" ? `your mentee ${other}` : `your mentee ${other} (you're their ${word})`;
}
