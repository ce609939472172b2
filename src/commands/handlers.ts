// Ribbon buttons (ExecuteFunction): the same use cases as the pane, always ending with
// event.completed() so Excel does not keep the button busy.
import { clearMarks, highlight, summarise, type AddinDeps } from "../app/addin";
import type { Lang } from "../core/plan/types";
import type { SettingsStore } from "../excel/settings";
import { toJinduError } from "../excel/workbook";

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
  /** Where a failure is reported (the console; the pane shows errors itself). */
  report?: (message: string) => void;
}

export function createHandlers(ctx: CommandContext): Record<CommandName, CommandHandler> {
  const wrap =
    (work: () => Promise<unknown>): CommandHandler =>
    async (event) => {
      try {
        await work();
      } catch (e) {
        const err = toJinduError(e);
        (ctx.report ?? console.error)(`${err.zh} / ${err.en}`);
      } finally {
        event.completed();
      }
    };
  return {
    markLagging: wrap(() => highlight(ctx.deps(), ctx.settings().load(), ctx.lang())),
    clearMarks: wrap(() => clearMarks(ctx.deps())),
    writeSummary: wrap(() => summarise(ctx.deps(), ctx.settings().load(), ctx.lang())),
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
