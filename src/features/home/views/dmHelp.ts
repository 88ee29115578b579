import { Blocks, Message, Md } from "slack-block-builder";
import type { SlackMessage } from "./help.js";

/** The answer to a message typed to Rounds in its Messages tab: Rounds reads no chat, its commands do the work. */
export function dmHelpMessage(): SlackMessage {
  const text = "Rounds works through three commands; messages typed here are not read.";
  const built = Message()
    .text(text)
    .blocks(
      Blocks.Section({
        text:
          `Hi! Rounds runs your mentoring program — finding a mentor, check-ins, goals and meetings, pairing rounds — ` +
          `through three commands (messages typed here are not read, so nobody will answer this one):\n` +
          `• ${Md.codeInline("/findmentor")} — mentors ranked by how well they fit you, and a request to the one you pick\n` +
          `• ${Md.codeInline("/mentoring")} — your hub: profile, meetings, goals, availability, thank a mentor\n` +
          `• ${Md.codeInline("/mentoring-admin")} — for program directors: programs, people, rounds, announcements, reports`,
      }),
      Blocks.Context().elements("Your mentors, mentees and goals are on the Rounds Home tab. Questions about your program go to its director."),
    )
    .buildToObject();
  return { text, blocks: built.blocks ?? [] };
}
