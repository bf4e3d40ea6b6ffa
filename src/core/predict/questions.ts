/**
 * Predict-the-next-step questions, generated from a finished run's trace: never written by hand.
 * A question is about one step (the next one the viewer will see) and its one right answer is
 * what that step did in the trace. Which steps ask what is decided by the step's kind (its
 * pseudocode key) and its arguments.
 */
import { Phase } from '../kernel/phases';
import { mulberry32 } from '../rng';
import type { Run } from '../run';
import { FUNCTIONS, kindInfo, stepArgs } from '../source/catalogue';

export type QuestionKind = 'copy-destination' | 'load-path' | 'suspend-outcome' | 'next-function';

export const QUESTION_KINDS: readonly QuestionKind[] = [
  'copy-destination',
  'load-path',
  'suspend-outcome',
  'next-function',
];

/** How each kind is named where the viewer chooses which to be asked. */
export const QUESTION_KIND_NAMES: Readonly<Record<QuestionKind, string>> = {
  'copy-destination': 'where a copy goes',
  'load-path': 'in place or through a PBE',
  'suspend-outcome': 'whether the suspend succeeds',
  'next-function': 'which function runs next',
};

/** Answered by clicking a page frame, or by picking one of the choices. */
export type Answer =
  { type: 'frame'; pfn: number } | { type: 'choice'; choices: string[]; correct: number };

export interface Question {
  kind: QuestionKind;
  /** 0-based index of the step whose result is asked (shown by state step + 1). */
  step: number;
  prompt: string;
  answer: Answer;
  /** Frames the question is about (highlighted while it is open). */
  subject: number[];
  /** The answer in words, shown with the step's narration. */
  reveal: string;
}

const COPY_KINDS = new Set(['cdpg.low', 'cdpg.high', 'cdpg.lowhigh', 'lcdp.copy']);
const IN_PLACE = new Set(['gb.direct', 'ghpb.direct', 'lgb.direct']);
const THROUGH_PBE = new Set(['gb.pbe', 'ghpb.high', 'ghpb.low', 'lgb.pbe']);
export const LOAD_CHOICES = ['In place (its own frame)', 'Through a PBE (a safe page)'] as const;
export const OUTCOME_CHOICES = [
  'Yes: the image is written and the machine powers off',
  'No: the suspend fails',
] as const;
/** Most choices a "which function" question offers (the answer and up to three others). */
const FUNCTION_CHOICES = 4;

export class QuestionSource {
  private readonly functions: string[];
  private readonly suspendSucceeds: boolean;

  constructor(private readonly run: Run) {
    const { line, phase } = run.trace.columns;
    // The functions this run goes through, in source order: the distractors of "which function".
    const seen = new Uint8Array(FUNCTIONS.length);
    const lineSeen = new Uint8Array(1 << 16);
    let reachesPowerOff = false;
    for (let i = 0; i < run.trace.steps; i++) {
      if (phase[i] >= Phase.PowerOff) reachesPowerOff = true;
      const id = line[i];
      if (lineSeen[id]) continue;
      lineSeen[id] = 1;
      seen[kindInfo(id).fnIndex] = 1;
    }
    // Both models name some functions alike (swsusp_save): a name is one choice.
    this.functions = [...new Set(FUNCTIONS.filter((_, i) => seen[i]).map((f) => f.name))];
    this.suspendSucceeds = reachesPowerOff;
  }

  /** The questions about step `step` (the step state `step + 1` shows), in QUESTION_KINDS order. */
  about(step: number): Question[] {
    const trace = this.run.trace;
    if (step < 0 || step >= trace.steps) return [];
    const c = trace.columns;
    const info = kindInfo(c.line[step]);
    const key = info.name;
    // The step's arguments by the names its kind gives them (src, dst, pfn, orig, copy).
    const a = stepArgs(info, c, step);
    const out: Question[] = [];
    if (COPY_KINDS.has(key) && a.src >= 0 && a.dst >= 0) {
      out.push({
        kind: 'copy-destination',
        step,
        prompt: `Where will the copy of pfn ${a.src} go? Click a frame.`,
        answer: { type: 'frame', pfn: a.dst },
        subject: [a.src],
        reveal: `The copy of pfn ${a.src} goes to pfn ${a.dst}.`,
      });
    }
    const pfn = a.pfn ?? a.orig ?? -1;
    if ((IN_PLACE.has(key) || THROUGH_PBE.has(key)) && pfn >= 0) {
      const inPlace = IN_PLACE.has(key);
      const safe = a.copy ?? -1;
      out.push({
        kind: 'load-path',
        step,
        prompt: `Will pfn ${pfn} load in place or through a PBE?`,
        answer: { type: 'choice', choices: [...LOAD_CHOICES], correct: inPlace ? 0 : 1 },
        subject: [pfn],
        reveal: inPlace
          ? `Pfn ${pfn} loads in place: the resume code owns its frame.`
          : `Pfn ${pfn} loads through a PBE: its frame is not one the resume code owns, so the page waits in ${safe >= 0 ? `safe page ${safe}` : 'a safe page'} and is copied home at the end.`,
      });
    }
    if (step === 0) {
      out.push({
        kind: 'suspend-outcome',
        step,
        prompt: 'Will this suspend succeed?',
        answer: {
          type: 'choice',
          choices: [...OUTCOME_CHOICES],
          correct: this.suspendSucceeds ? 0 : 1,
        },
        subject: [],
        reveal: this.suspendSucceeds
          ? 'The suspend succeeds: the image is written and the machine powers off.'
          : `The suspend fails${this.run.failure ? ` in ${this.run.failure.function}` : ''}.`,
      });
    }
    const next = this.nextFunction(step);
    if (next) out.push(next);
    return out;
  }

  /** At the first step of a function call: which of the run's functions is it? */
  private nextFunction(step: number): Question | null {
    if (step === 0) return null;
    const line = this.run.trace.columns.line;
    const name = kindInfo(line[step]).fn.name;
    const previous = kindInfo(line[step - 1]).fn.name;
    if (name === previous) return null;
    const others = this.functions.filter((f) => f !== name && f !== previous);
    if (others.length === 0) return null;
    // Deterministic per step, so the same question looks the same on every visit.
    const rand = mulberry32(step * 2654435761);
    const pick = shuffle(others, rand).slice(0, FUNCTION_CHOICES - 1);
    const choices = shuffle([name, ...pick], rand);
    return {
      kind: 'next-function',
      step,
      prompt: `${previous} is done. Which function runs next?`,
      answer: { type: 'choice', choices, correct: choices.indexOf(name) },
      subject: [],
      reveal: `Next comes ${name}.`,
    };
  }
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Whether `given` (a pfn for frame questions, a choice index otherwise) is the right answer. */
export function isRight(q: Question, given: number): boolean {
  return q.answer.type === 'frame' ? given === q.answer.pfn : given === q.answer.correct;
}
