import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { FREE_TEXT_MAX, SCALE, SCALE_WORDS, type SurveyDefinition } from "../../../domain/surveys.js";
import { SURVEY, SURVEY_BLOCKS, VALUE } from "../ids.js";
import { anonymityWords } from "./messages.js";

const TITLE: Record<SurveyDefinition["kind"], string> = { mentee: "Your mentoring", mentor: "Your mentee", program: "The program" };

/** The survey modal: each 1–5 item as radio buttons (1 Strongly disagree … 5 Strongly agree), free text optional. */
export function surveyModal(invitationId: string, survey: SurveyDefinition, header: { programName: string; otherName: string | null }) {
  const options = SCALE.map((n, i) => Bits.Option({ text: `${n} – ${SCALE_WORDS[i]}`, value: String(n) }));
  const blocks = [
    Blocks.Section({ text: `*${escapeMrkdwn(header.programName)}*: how much do you agree? ${anonymityWords(survey.kind, header.otherName)}` }),
    ...survey.items.map((item) =>
      item.type === "likert"
        ? Blocks.Input({ label: item.text, blockId: SURVEY_BLOCKS.item(item.key) }).element(Elements.RadioButtons({ actionId: VALUE }).options(options))
        : Blocks.Input({ label: item.text, blockId: SURVEY_BLOCKS.item(item.key), hint: "Optional. Shown to directors only among the answers of at least 5 people, without names." })
            .optional(true)
            .element(Elements.TextInput({ actionId: VALUE, maxLength: FREE_TEXT_MAX }).multiline()),
    ),
  ];
  return Modal({ title: TITLE[survey.kind], submit: "Send answers", close: "Cancel", callbackId: SURVEY.form.id, privateMetaData: SURVEY.form.metadata.encode(invitationId) })
    .blocks(blocks)
    .buildToObject();
}
