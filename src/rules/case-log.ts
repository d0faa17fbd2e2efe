/**
 * What the case machines of both exchanges (opsigelser cases, panthaver declarations) do the
 * same way with their message logs.
 *
 * @module
 */
import type { z } from 'zod';
import { checkSchema, issuesLine } from '../schema/issues.js';

/** The part of a log entry {@link undoLastReceivedBy} reads. */
export interface UndoableEntry<Model> {
  status: 'applied' | 'refused' | 'ignored';
  /** The model before the message, kept for applied messages. */
  before?: Model;
  message: { kind: string; recipient: { vir: string } };
}

/**
 * What a content error (12) from `vir` undoes: the model before the last message of the log
 * (duplicates ignored without notice do not count), when that message was applied, `vir`
 * received it and it was not itself a 12; else `current`, unchanged (a refused message changed
 * nothing, so a 12 answering it undoes nothing).
 */
export function undoLastReceivedBy<Model>(log: readonly UndoableEntry<Model>[], current: Model, vir: string): Model {
  let last: UndoableEntry<Model> | undefined;
  for (let i = log.length - 1; i >= 0 && last === undefined; i--) if (log[i]!.status !== 'ignored') last = log[i];
  if (last?.before !== undefined && last.message.kind !== 'contentError' && last.message.recipient.vir === vir) return last.before;
  return current;
}

/**
 * The entries of a snapshot with each stored message checked by `schema` (a snapshot is JSON
 * from outside). A message that is not a valid typed message is a `TypeError` naming `where`,
 * the entry and every bad field, in our words.
 */
export function storedEntries<T, E extends { message: unknown }>(entries: readonly E[], schema: z.ZodType<T>, exchange: string, where: string): Array<Omit<E, 'message'> & { message: T }> {
  return entries.map((entry, i) => {
    const r = checkSchema(schema, entry.message);
    if (!r.success) throw new TypeError(`${where}: entries.${i}.message is not a valid ${exchange} message: ${issuesLine(r.issues, '(message)')}`);
    return { ...entry, message: r.data };
  });
}
