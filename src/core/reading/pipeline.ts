// The reading pipeline: the steps that read one row, in the order they run. Every step has the
// same shape ({ id, run(ctx) }) and lives in rules/ under a file named for what it exports; a
// new reading is a new step listed here, with its tests.
import type { Step } from "./row";
import { progressCues } from "./rules/progressCues";
import { classifyTargets } from "./rules/classifyTargets";
import { classifyProgress } from "./rules/classifyProgress";
import { pairQuantitiesStep } from "./rules/pairQuantities";
import { attachStatedStep } from "./rules/attachStated";
import { pairRatesStep } from "./rules/pairRates";
import { cueMilestonesStep } from "./rules/cueMilestones";

export const READING_PIPELINE: readonly Step[] = [
  progressCues, // cues first: a sentence about preparations changes what its figures mean
  classifyTargets,
  classifyProgress,
  pairQuantitiesStep,
  attachStatedStep,
  pairRatesStep,
  cueMilestonesStep,
];
