/**
 * Progress and cancellation for the long tools (parse_statement, import_document, build_evidence_bundle,
 * reconcile_case, reconcile_ledger, import_case). A tool reports the stages it has passed with {@link stage} and,
 * before anything it cannot take back (a write to the store), checks that it was not cancelled; a wait on work
 * elsewhere (the parse worker) is abandoned as soon as the request is cancelled ({@link untilCancelled}).
 *
 * The parse itself runs in a child process (statements/worker/) that reports nothing until it is done, so a parse's
 * progress is by stage (received, read, shaped), not by page.
 * @module
 */
import type { ToolContext } from './tool.ts';

/** What these helpers use of a tool's context (absent: no one asked, no one can cancel). */
export type Progressing = Pick<ToolContext, 'progress' | 'signal' | 'owner'> | undefined;

/** Reports that `done` of `total` stages are behind us, with what was just done. Nothing when no one asked. */
export function stage(context: Progressing, done: number, total: number, message: string): void {
  context?.progress?.(done, total, message);
}

/** Throws the cancellation (the signal's reason) when the request was cancelled; else nothing. */
export function checkCancelled(context: Progressing): void {
  context?.signal?.throwIfAborted();
}

/**
 * The promise's value, or the cancellation as soon as the request is cancelled (the work itself may finish in the
 * background: a parse worker is bounded by its own time limit, and its result is then dropped).
 */
export async function untilCancelled<T>(context: Progressing, work: Promise<T>): Promise<T> {
  const signal = context?.signal;
  if (!signal) return work;
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, cancelled]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
