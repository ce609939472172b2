// The real engine behind the add-in's use cases.
import { analyzeGrid } from "../core/analyze";
import { buildPlan } from "../core/plan";
import type { Engine } from "./addin";

export const engine: Engine = { analyze: analyzeGrid, plan: buildPlan };
