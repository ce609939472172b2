// Ribbon buttons (ExecuteFunction): the same use cases as the pane, always ending with
// event.completed() so Excel does not keep the button busy.
import { clearMarks, highlight, summarise, type AddinDeps } from "../app/addin";
import { isJinduError } from "../core/errors";
import type { Lang } from "../core/plan/types";
import type { SettingsStore } from "../app/settings";
import { toJinduError } from "../excel/workbook";
import { describeError, type PaneError } from "../taskpane/messages";
import type { Action } from "../taskpane/useJindu";

export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

/** Function names as the manifest's <FunctionName> elements give them. */
export const COMMAND_NAMES = ["markLagging", "clearMarks", "writeSummary"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandContext {
  deps: () => AddinDeps;
  settings: () => SettingsStore;
  lang: () => Lang;
  /** Where a failure is logged, in both languages. */
  report?: (message: string) => void;
  /** Shows a failure to the user (a small dialog in Office), in the display language. */
  notify?: (message: PaneError) => void | Promise<void>;
}

export function createHandlers(ctx: CommandContext): Record<CommandName, CommandHandler> {
  // What the pane saved since this page loaded: the ribbon uses the same 序时进度 and bands.
  const settings = async () => {
    const store = ctx.settings();
    await store.refresh();
    return store.load();
  };
  const wrap =
    (action: Action, work: () => Promise<unknown>): CommandHandler =>
    async (event) => {
      try {
        await work();
      } catch (e) {
        const err = toJinduError(e);
        (ctx.report ?? console.error)(`${err.zh} / ${err.en}`);
        // The user clicked and must see why nothing happened; a failing notice must not hang the button.
        try {
          await ctx.notify?.(describeError(err, action, ctx.lang()));
        } catch {
          /* the message is logged above */
        }
      } finally {
        event.completed();
      }
    };
  // The ribbon reads the active sheet; on Jindu's own summary (active once written) it works on
  // the bulletin the summary came from, as the pane does.
  const onBulletin = async (work: (deps: AddinDeps) => Promise<unknown>): Promise<unknown> => {
    const deps = ctx.deps();
    try {
      return await work(deps);
    } catch (e) {
      const source = isJinduError(e) && e.code === "jindu_sheet" ? e.params.source : undefined;
      if (source === undefined || deps.sheet !== undefined) throw e;
      return work({ ...deps, sheet: source });
    }
  };
  return {
    markLagging: wrap("mark", async () => {
      const s = await settings();
      return onBulletin((deps) => highlight(deps, s, ctx.lang()));
    }),
    clearMarks: wrap("clear", () => onBulletin((deps) => clearMarks(deps))),
    writeSummary: wrap("summary", async () => {
      const s = await settings();
      return onBulletin((deps) => summarise(deps, s, ctx.lang()));
    }),
  };
}

export interface ActionsApi {
  associate(name: string, fn: (event: CommandEvent) => void): void;
}

export function registerHandlers(actions: ActionsApi, handlers: Record<CommandName, CommandHandler>): void {
  for (const name of COMMAND_NAMES) {
    const handler = handlers[name];
    actions.associate(name, (event) => void handler(event));
  }
}
