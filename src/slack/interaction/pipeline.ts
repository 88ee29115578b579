import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { WithDirectory } from "../../features/context.js";
import { requireDirector, type DirectorActor } from "../../features/programs/directors.js";
import { busyAnswer } from "../busy.js";
import { isFirstDelivery } from "../dedupeDeliveries.js";
import type { ListenerDeps } from "../deps.js";
import { StaleButton, StaleForm } from "../../domain/errors.js";
import { errorText, logFailure } from "../errorText.js";
import { reportFailure } from "../failureReport.js";
import { submittedValues } from "../kit/submission.js";
import { infoModal, message } from "../kit/message.js";
import { openWorking } from "../kit/workingModal.js";
import type { SubmittedState } from "../kit/submittedState.js";
import type { ListenerRouter } from "../router.js";
import type { ActionId, ViewId } from "./ids.js";
import { ephemeralTo, type ButtonSurface, type PresserArgs } from "./surfaces.js";

/**
 * The one way a feature declares what it answers in Slack. A declaration says
 * - who may use it: "anyone" (the service decides, e.g. only a party to the match), or "director"
 *   (checked here, before any work, and handed to the handler as `by`);
 * - when the work runs: "inline", before the next request is read (for work that must finish
 *   inside Slack's 3 s, like opening a modal on a fresh trigger_id), or "queued", after the ack, on
 *   the bounded work queue (anything slower);
 * - where its errors reach the person (a surface, see surfaces.ts).
 * The pipeline acks, takes the team from Bolt's context, decodes the value with the id's codec,
 * checks the role, logs a refusal at info and a fault at error, and tells the person in words.
 */
export type Who = "anyone" | "director";
export type When = "inline" | "queued";

/** What every handler is given, whatever answered Slack. */
export interface Interaction {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  userId: string;
  /** The use case's context: database, now, Slack directory and workspace. */
  ctx: WithDirectory;
}

export interface ButtonInteraction<V, W extends Who> extends Interaction {
  value: V;
  /** The full action id pressed (for suffixed ids, with its suffix). */
  actionId: string;
  by: W extends "director" ? DirectorActor : undefined;
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
  /** Tells the presser something on this button's surface (the same place its errors go). */
  tell: (text: string, next?: Parameters<ReturnType<ButtonSurface>>[1]) => Promise<void>;
  /** Where the pressed message lives, to update it in place (null from the App Home or a modal). */
  message: { channel: string; ts: string } | null;
  /** The modal opened before the work (spec.opensModal), to update with the result; null if Slack refused to open it. */
  modal: { id: string } | null;
}

export interface SubmitInteraction<M, W extends Who> extends Interaction {
  metadata: M;
  values: SubmittedState;
  by: W extends "director" ? DirectorActor : undefined;
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
  /**
   * Work for once Slack has its answer (the modal closed or changed): redrawing messages, finishing
   * a slow change, refreshing Homes. The pieces run after the ack, in the order given, on the work
   * queue (so shutdown waits for them); a failure is logged and told through `tell`, if given.
   */
  afterwards: (work: () => Promise<void>, tell?: (text: string) => Promise<unknown>) => void;
}

/** An Events API event (app_home_opened, message.im …): acked by Bolt before it gets here. */
export interface EventInteraction<E extends string> {
  deps: ListenerDeps;
  client: WebClient;
  logger: Logger;
  teamId: string;
  event: SlackEventMiddlewareArgs<E>["event"];
  args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;
}

export interface CommandInteraction<W extends Who> extends Interaction {
  text: string;
  by: W extends "director" ? DirectorActor : undefined;
  args: SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  /** An ephemeral answer in the conversation the command was typed in. */
  tell: (text: string) => Promise<void>;
}

/** What a modal submission answers Slack: close (nothing), inline errors by block id, or a new view. */
export type SubmitAnswer = void | { errors: Record<string, string> } | { update: object } | { push: object } | { clear: true };

export { BUSY_TEXT } from "../busy.js";

const valueOf = (body: BlockAction): string => {
  const action = body.actions[0] as { value?: unknown; selected_option?: { value?: unknown } } | undefined;
  const value = action?.selected_option?.value ?? action?.value;
  return typeof value === "string" ? value : "";
};

function context(deps: ListenerDeps, client: WebClient, teamId: string): WithDirectory {
  return { db: deps.db, now: deps.now(), directory: deps.directory(client, teamId), workspaceId: teamId };
}

async function actorFor<W extends Who>(who: W, ctx: WithDirectory, userId: string): Promise<W extends "director" ? DirectorActor : undefined> {
  if (who !== "director") return undefined as W extends "director" ? DirectorActor : undefined;
  return (await requireDirector(ctx.db, ctx.directory, ctx.workspaceId, userId, ctx.now)) as W extends "director" ? DirectorActor : undefined;
}

/** A declared button (or menu, or select) listener: what it is for, and what it does. */
export interface ButtonSpec<V, W extends Who> {
  action: ActionId<V>;
  who: W;
  when: When;
  errors: ButtonSurface;
  /** Names the work in logs (defaults to the action id). */
  label?: string;
  /** The refusal for a value that does not decode (default: "this button is out of date"). */
  invalid?: (raw: string) => Error;
  /**
   * The button opens a modal: it is opened at once with a "working…" state, on the fresh
   * trigger_id, before any query, and the handler updates it when the work is done. A failure is
   * shown in it too. For a director's button the role is checked first (a refused person sees no
   * modal, only the refusal). A button pressed inside a modal needs no trigger: `modal` is then the
   * pressed modal itself, which the handler turns into what it shows.
   */
  opensModal?: { title: string };
}

export interface SubmitSpec<M, W extends Who> {
  view: ViewId<M>;
  who: W;
  /** The words for a form whose metadata does not decode (default: StaleForm's). */
  stale?: string;
  /**
   * How a refusal (or a stale form) is answered: as an inline error under this block id, or as the
   * answer a function makes of its words (e.g. the modal turned into "Nothing changed").
   */
  errors: string | ((text: string) => SubmitAnswer);
  label?: string;
}

export interface EventSpec<E extends string> {
  event: E;
  label?: string;
  /**
   * Whether this event is one the feature answers (a DM typed by a person, the Home tab), decided
   * before anything is queued: Slack sends many events a feature ignores, and queued no-ops would
   * count toward the backlog that turns commands away.
   */
  accepts?: (event: SlackEventMiddlewareArgs<E>["event"], args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => boolean;
}

export interface CommandSpec<W extends Who> {
  command: string;
  who: W;
  label?: string;
}

const refusal = (errors: string | ((text: string) => SubmitAnswer), text: string): SubmitAnswer =>
  typeof errors === "string" ? { errors: { [errors]: text } } : errors(text);

function answerSubmit({ ack }: SlackViewMiddlewareArgs<ViewSubmitAction>, answer: SubmitAnswer): Promise<void> {
  if (!answer) return ack();
  if ("errors" in answer) return ack({ response_action: "errors", errors: answer.errors });
  if ("update" in answer) return ack({ response_action: "update", view: answer.update as never });
  if ("push" in answer) return ack({ response_action: "push", view: answer.push as never });
  return ack({ response_action: "clear" });
}

/**
 * The tenant a request belongs to, which every query is scoped by: the org for an org-wide Enterprise
 * Grid install (a person is one member whichever of its workspaces they type in), else the workspace.
 */
export function tenantOfRequest(context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }, fallbackTeam: string | undefined): string {
  if (context.isEnterpriseInstall && context.enterpriseId) return context.enterpriseId;
  return context.teamId ?? fallbackTeam ?? "";
}

/** Declares a feature's listeners on the router; every declaration runs through the same steps. */
export class Interactions {
  constructor(
    private readonly router: ListenerRouter,
    private readonly deps: ListenerDeps,
  ) {}

  button<V, W extends Who>(spec: ButtonSpec<V, W>, handle: (i: ButtonInteraction<V, W>) => Promise<void>): void {
    const deps = this.deps;
    const id = spec.action.suffixed ? new RegExp(`^${spec.action.id}_`) : spec.action.id;
    this.router.action(id, async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
      await args.ack();
      const { body, client } = args;
      const teamId = tenantOfRequest(args.context, body.team?.id);
      const userId = body.user.id;
      const actionId = body.actions[0]?.action_id ?? spec.action.id;
      const label = spec.label ?? spec.action.id;
      const fields = { team: teamId, user: userId, action: actionId };
      const surface = spec.errors(args as PresserArgs);
      const logger = deps.logger.child(fields);
      const pressedModal = body.view?.type === "modal" && body.view.id ? { id: body.view.id } : null;
      let modal: { id: string } | null = null;
      const openModal = async () => {
        if (!spec.opensModal) return;
        modal = pressedModal ?? (await openWorking(client, body.trigger_id, spec.opensModal.title, logger));
      };
      const tell: typeof surface = async (text, next) => {
        // The pressed modal is the surface's own place (whereClicked turns it into "Nothing changed").
        if (modal && modal !== pressedModal) await client.views.update({ view_id: modal.id, view: infoModal(spec.opensModal!.title, message(text, text)) }).catch(() => undefined);
        await surface(text, next);
      };
      const check = async () => {
        const raw = valueOf(body);
        const decoded = spec.action.codec.decode(raw);
        if (!decoded) throw spec.invalid?.(raw) ?? new StaleButton(spec.action.id);
        const ctx = context(deps, client, teamId);
        return { value: decoded.value, ctx, by: await actorFor(spec.who, ctx, userId) };
      };
      const run = async (checked: Awaited<ReturnType<typeof check>>) => {
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        await handle({ deps, client, logger, teamId, userId, ...checked, actionId, args, tell, message: channel && ts ? { channel, ts } : null, modal });
      };
      const fail = (error: unknown) => reportFailure(deps.logger, error, fields, label, (text) => tell(text));
      let work = async () => run(await check());
      if (spec.opensModal && spec.who === "director") {
        // A refused person sees no modal: the role is checked before it opens (one lookup, inline).
        const checked = await check().catch(async (error: unknown) => void (await fail(error)));
        if (!checked) return;
        await openModal();
        work = () => run(checked);
      } else await openModal();
      if (spec.when === "queued") deps.work.run(label, work, { fields, tell: (text) => tell(text) });
      else await work().catch(fail);
    });
  }

  /**
   * A modal's Submit. Runs inline (Slack waits for the answer to close or change the modal): the
   * metadata is decoded, the role checked, and a refusal shown as an inline error under `errorBlock`.
   */
  submit<M, W extends Who>(spec: SubmitSpec<M, W>, handle: (i: SubmitInteraction<M, W>) => Promise<SubmitAnswer>): void {
    const deps = this.deps;
    this.router.view(spec.view.id, async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
      const { body, client } = args;
      const values = submittedValues(body);
      const teamId = tenantOfRequest(args.context, body.team?.id);
      const userId = body.user.id;
      const fields = { team: teamId, user: userId, view: spec.view.id };
      const logger = deps.logger.child(fields);
      const metadata = spec.view.metadata.decode(body.view.private_metadata ?? "");
      if (!metadata) {
        logger.info("a modal whose metadata does not decode (an old form, or forged)");
        return answerSubmit(args, refusal(spec.errors, spec.stale ?? errorText(new StaleForm(spec.view.id))));
      }
      let answer: SubmitAnswer;
      const after: { work: () => Promise<void>; tell?: (text: string) => Promise<unknown> }[] = [];
      const afterwards = (work: () => Promise<void>, tell?: (text: string) => Promise<unknown>) => void after.push({ work, tell });
      try {
        const ctx = context(deps, client, teamId);
        const by = await actorFor(spec.who, ctx, userId);
        answer = await handle({ deps, client, logger, teamId, userId, ctx, metadata: metadata.value, values, by, args, afterwards });
      } catch (error) {
        logFailure(deps.logger, error, fields, spec.label ?? spec.view.id);
        return answerSubmit(args, refusal(spec.errors, errorText(error)));
      }
      await answerSubmit(args, answer);
      if (after.length === 0) return;
      const label = spec.label ?? spec.view.id;
      deps.work.run(`${label} (after the answer)`, async () => {
        for (const { work, tell } of after) {
          await work().catch((error: unknown) => reportFailure(deps.logger, error, fields, `${label} (after the answer)`, tell));
        }
      });
    });
  }

  /**
   * An Events API event: if the feature `accepts` it, the work runs on the work queue (Bolt has
   * acked the event already); a failure is logged.
   */
  event<E extends string>(spec: EventSpec<E>, handle: (i: EventInteraction<E>) => Promise<void>): void {
    const deps = this.deps;
    this.router.event(spec.event, async (args: SlackEventMiddlewareArgs<E> & AllMiddlewareArgs) => {
      if (spec.accepts && !spec.accepts(args.event as SlackEventMiddlewareArgs<E>["event"], args)) return;
      const teamId = tenantOfRequest(args.context, (args.body as { team_id?: string }).team_id);
      const fields = { team: teamId, event: spec.event };
      const logger = deps.logger.child(fields);
      const i = { deps, client: args.client, logger, teamId, event: args.event, args } as EventInteraction<E>;
      deps.work.run(spec.label ?? spec.event, () => handle(i), { fields });
    });
  }

  /**
   * A slash command: acked at once (or answered "very busy" when the queue is full), then run on the
   * work queue once per delivery, however often Slack retries it; errors go back as an ephemeral message.
   */
  command<W extends Who>(spec: CommandSpec<W>, handle: (i: CommandInteraction<W>) => Promise<void>): void {
    const deps = this.deps;
    this.router.command(spec.command, async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
      // Over HTTP the receiver answers these before Bolt (busy.ts); this is Socket Mode's, and the installer's, way.
      if (deps.work.backlogged) return void (await args.ack(busyAnswer()));
      await args.ack();
      const { command, client } = args;
      const teamId = tenantOfRequest(args.context, command.team_id);
      const userId = command.user_id;
      const fields = { team: teamId, user: userId, command: command.command };
      const tell = ephemeralTo(args.respond);
      const logger = deps.logger.child(fields);
      deps.work.run(
        spec.label ?? command.command,
        async () => {
          if (!(await isFirstDelivery(deps, `command:${command.trigger_id}`, teamId))) {
            logger.info({ retryNum: args.context.retryNum }, "repeated Slack command ignored");
            return;
          }
          const ctx = context(deps, client, teamId);
          const by = await actorFor(spec.who, ctx, userId);
          await handle({ deps, client, logger, teamId, userId, ctx, text: (command.text ?? "").trim(), by, args, tell });
        },
        { fields, tell },
      );
    });
  }
}
