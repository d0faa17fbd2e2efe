import type { EdifactSyntaxError } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import type { ServiceChars } from '../syntax/service-chars.js';

/** A party in UNB S002/S003 or UNG. */
export interface PartyId {
  id: string;
  /** Identification code qualifier (0007), e.g. `ZZ`. */
  qualifier: string | null;
  /**
   * UNB only, when given: the sender's address for reverse routing (S002 0008), or the
   * recipient's routing address (S003 0014). An answer puts the sender's into its own S003 0014.
   */
  routing?: string;
}

/** Where a structure starts in the input. */
export interface StartPosition {
  /** Absolute byte offset of its first segment. */
  offset: number;
  /** Segment number of its first segment in the interchange (UNB = 1). */
  segmentNumber: number;
}

/** The fields of a UNB interchange header. */
export interface InterchangeHeader {
  /** S001 0001, e.g. `UNOC`. */
  syntaxId: string;
  /** S001 0002, e.g. `3`. */
  syntaxVersion: string;
  sender: PartyId;
  recipient: PartyId;
  /** S004 0017 as written: YYMMDD (or CCYYMMDD in syntax 4). */
  date: string;
  /** S004 0019 HHMM. */
  time: string;
  /** 0020 interchange control reference. */
  reference: string;
  /** S005 recipient's reference/password. */
  recipientPassword: string | null;
  /** 0026 application reference. */
  applicationReference: string | null;
  /** 0029 processing priority code. */
  priority: string | null;
  /** 0031 = 1: the sender asks for a CONTRL. */
  ackRequested: boolean;
  /** 0032 interchange agreement identifier. */
  agreementId: string | null;
  /** 0035 = 1: test interchange. */
  testIndicator: boolean;
  /** Service characters in force for this interchange. */
  serviceChars: ServiceChars;
  /** Whether a UNA preceded the UNB. */
  una: boolean;
  position: StartPosition;
}

/** The fields of a UNH message header. */
export interface MessageHeader {
  /** 0062 message reference number. */
  reference: string;
  /** S009 0065 message type, e.g. `OPSIGE`. */
  type: string;
  /** S009 0052. */
  version: string;
  /** S009 0054. */
  release: string;
  /** S009 0051 controlling agency. */
  agency: string;
  /** S009 0057 association assigned code. */
  associationCode: string | null;
  /** 0068 common access reference. */
  commonAccessReference: string | null;
}

/** One message, UNH to UNT inclusive. */
export interface EdifactMessage {
  header: MessageHeader;
  /** UNH..UNT inclusive (UNT absent when the input lacks it). */
  segments: Segment[];
  position: StartPosition;
  /** 1-based position of the message in its interchange. */
  index: number;
  interchangeReference: string | null;
  groupReference: string | null;
  /** Syntax and envelope errors found inside this message (bad bytes, UNT count/reference, missing UNT). */
  errors: EdifactSyntaxError[];
}

/** A functional group header (UNG). */
export interface GroupHeader {
  reference: string;
  messageType: string;
  sender: PartyId;
  recipient: PartyId;
  position: StartPosition;
}

/** What is known about an interchange when its UNZ (or the end of input) is reached. */
export interface InterchangeSummary {
  /** `null` for segments found outside any interchange. */
  header: InterchangeHeader | null;
  messageCount: number;
  groupCount: number;
  /** UNZ 0036 and 0020 as written, or null when UNZ is missing. */
  trailer: { count: string; reference: string } | null;
  /** Errors of the interchange itself (not inside a message). */
  errors: EdifactSyntaxError[];
}

/** A whole interchange held in memory (from `parseInterchanges`). */
export interface Interchange extends InterchangeSummary {
  messages: EdifactMessage[];
  groups: GroupHeader[];
}
