/**
 * Reply builders: each produces a complete typed message from the message it answers,
 * with codes and qualifiers from the guide profile. See `builders/*.ts`.
 */
export {
  buildAccept,
  buildRejection,
  buildBonusAnswer,
  buildContentError,
  buildReminder,
  buildBonusQuery,
  type ReplyOptions,
  type AcceptOptions,
  type RejectionOptions,
  type BonusAnswerOptions,
  type ContentErrorOptions,
  type ReminderOptions,
  type BonusQueryOptions,
  type BonusQuerySource,
} from './builders/opsigelser.js';
export {
  buildDeclarationAccept,
  buildAcceptWithoutFee,
  buildDeclarationRejection,
  buildDeclarationNotice,
  type DeclarationAcceptOptions,
  type AcceptWithoutFeeOptions,
  type DeclarationRejectionOptions,
  type DeclarationNoticeData,
} from './builders/panthaver.js';
export { buildReplyInterchange, type ReceivedHeader, type ReplyInterchangeOptions } from './builders/interchange.js';
export { toFreeText, isOpsigelse, type TextInput } from './builders/common.js';
