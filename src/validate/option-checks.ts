/** The checks of `validate*` and `validateFile*` options (see `syntax/options.ts`). */
import { isBoolean, isFunction, isObject, isRecord, isString, nonNegativeInteger, oneOf, positiveIntegerOption, type OptionCheck } from '../syntax/options.js';

const isDuplicateStore = (v: unknown): boolean => isObject(v) && isFunction((v as Record<string, unknown>).seenInterchange) && isFunction((v as Record<string, unknown>).seenMessage);
// A string is iterable too, but its characters are not VIR numbers.
const isSenderList = (v: unknown): boolean => isFunction(v) || (isObject(v) && isFunction((v as Record<PropertyKey, unknown>)[Symbol.iterator]));

/** What `validate`, `validateStream` and `validateStreamBatches` accept. */
export const VALIDATE_OPTION_CHECKS: readonly OptionCheck[] = [
  ['profile', isRecord, 'a guide profile or a map of them by message type'],
  ['ownVir', isString, 'a string'],
  ['knownSenders', isSenderList, 'an iterable of sender ids or a predicate'],
  ['duplicates', isDuplicateStore, 'a DuplicateStore (seenInterchange and seenMessage functions)'],
  ['detail', oneOf('interchange', 'message', 'segment'), `'interchange', 'message' or 'segment'`],
  ['now', isFunction, 'a function returning a Date'],
  ['contrlReference', isFunction, 'a function returning a reference'],
  ['replyReference', isFunction, 'a function returning a reference'],
  ['replies', isBoolean, 'true or false'],
  ['captureSegments', isBoolean, 'true or false'],
  positiveIntegerOption('maxMessageSegments'),
  positiveIntegerOption('maxErrors'),
];

/** What `validateFile` and `validateFileBatches` accept besides. */
export const FILE_OPTION_CHECKS: readonly OptionCheck[] = [
  positiveIntegerOption('workers'),
  ['minParallelBytes', nonNegativeInteger, 'a non-negative integer'],
  positiveIntegerOption('chunkBytes'),
];
