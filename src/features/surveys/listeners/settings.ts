import { z } from "zod";
import { saveSurveySettingsOf, surveySettingsOf } from "../surveys.js";
import { ITEM_TEXT_MAX, parseMonths, SURVEY_KINDS, type SurveySettings } from "../../../domain/surveys.js";
import { doneModal } from "../../../slack/kit/doneModal.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { whereClicked } from "../../../slack/interaction/surfaces.js";
import { SURVEY, SURVEY_BLOCKS, VALUE } from "../ids.js";
import { END_OF_YEAR_VALUE, settingsModal, settingsSummary } from "../views/settings.js";
import { sendSurveyResults } from "../results.js";

const itemText = z.string({ error: "Write the question." }).trim().min(1, "Write the question.").max(ITEM_TEXT_MAX, `Keep it to ${ITEM_TEXT_MAX} characters.`);

/** A director's "Surveys" (App Home) opens the settings modal; its Save validates and stores them; "Survey results" sends the dashboard to their DM. */
export function surveySettings(on: Interactions): void {
  on.button({ action: SURVEY.settingsOpen, who: "director", when: "queued", errors: whereClicked, label: "survey settings open", opensModal: { title: "Surveys" } }, async (i) => {
    const { program, settings } = await surveySettingsOf(i.ctx.db, i.by.workspaceId, i.value);
    if (i.modal) await i.client.views.update({ view_id: i.modal.id, view: settingsModal(program.id, program.name, settings) });
  });

  on.button({ action: SURVEY.results, who: "director", when: "queued", errors: whereClicked, label: "survey results" }, async (i) => {
    await i.tell(await sendSurveyResults(i.deps, i.client, i.by, i.value));
  });

  on.submit({ view: SURVEY.settings, who: "director", errors: SURVEY_BLOCKS.enabled, label: "survey settings" }, async (i) => {
    const { program, settings } = await surveySettingsOf(i.ctx.db, i.by.workspaceId, i.metadata.programId);
    const el = (block: string) => i.values[block]?.[VALUE];
    const errors: Record<string, string> = {};
    const months = parseMonths(el(SURVEY_BLOCKS.months)?.value ?? "");
    if (!months.ok) errors[SURVEY_BLOCKS.months] = months.message;
    const enabled = new Set((el(SURVEY_BLOCKS.enabled)?.selected_options ?? []).map((o) => o.value));
    const next: SurveySettings = {
      surveys: { ...settings.surveys },
      milestoneMonths: months.ok ? months.months : settings.milestoneMonths,
      endOfYear: (el(SURVEY_BLOCKS.endOfYear)?.selected_options ?? []).some((o) => o.value === END_OF_YEAR_VALUE),
    };
    for (const kind of SURVEY_KINDS) {
      next.surveys[kind] = {
        kind,
        enabled: enabled.has(kind),
        items: settings.surveys[kind].items.map((item) => {
          const block = SURVEY_BLOCKS.text(kind, item.key);
          const parsed = itemText.safeParse(el(block)?.value ?? undefined);
          if (!parsed.success) errors[block] = parsed.error.issues[0]!.message;
          return { ...item, text: parsed.success ? parsed.data : item.text };
        }),
      };
    }
    if (Object.keys(errors).length) return { errors };
    await saveSurveySettingsOf(i.ctx.db, i.by, program.id, next, i.ctx.now);
    return { update: doneModal("Surveys saved", `Surveys of *${escapeMrkdwn(program.name)}* saved. ${settingsSummary(next)}`) };
  });
}
