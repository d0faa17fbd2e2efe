import type { EdifactSyntaxError } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import type { ServiceChars } from '../syntax/service-chars.js';

/** A party in UNB S002/S003 or UNG. */
export interface PartyId {
  /** Identification as written: UNB S002 0004 / S003 0010, UNG S006 0040 / S007 0044 (`''` when absent). */
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
  /** S002 interchange sender. */
  sender: PartyId;
  /** S003 interchange recipient: the party this interchange is addressed to. */
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
  /** Where the UNB is (its own offset and segment number 1, not the UNA's). */
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
  /** The fields of its UNH. */
  header: MessageHeader;
  /** UNH..UNT inclusive (UNT absent when the input lacks it). */
  segments: Segment[];
  /** Where its UNH is. */
  position: StartPosition;
  /** 1-based position of the message in its interchange. */
  index: number;
  /** The 0020 control reference of the UNB it is in; `null` for a message outside any interchange (error 33). */
  interchangeReference: string | null;
  /** The 0048 reference of the UNG it is in; `null` outside a functional group. */
  groupReference: string | null;
  /** Syntax and envelope errors found inside this message (bad bytes, UNT count/reference, missing UNT). */
  errors: EdifactSyntaxError[];
}

/** A functional group header (UNG). */
export interface GroupHeader {
  /** 0048 functional group reference number; the UNE must repeat it (else syntax error 28). */
  reference: string;
  /** 0038 functional group identification: the type of the messages it holds, e.g. `OPSIGE`. */
  messageType: string;
  /** S006 application sender (id 0040). */
  sender: PartyId;
  /** S007 application recipient (id 0044). */
  recipient: PartyId;
  /** Where the UNG is. */
  position: StartPosition;
}

/** What is known about an interchange when its UNZ (or the end of input) is reached. */
export interface InterchangeSummary {
  /** `null` for segments found outside any interchange. */
  header: InterchangeHeader | null;
  /** UNH segments read in the interchange, in groups or not: what UNZ 0036 must give when there are no groups (else syntax error 29). */
  messageCount: number;
  /** UNG segments read in the interchange; when there are any, UNZ 0036 must give this count instead of `messageCount`. */
  groupCount: number;
  /** UNZ 0036 and 0020 as written, or null when UNZ is missing. */
  trailer: {
    /** UNZ 0036 interchange control count, as written (a wrong one is an error 29 in `errors`). */
    count: string;
    /** UNZ 0020 interchange control reference, as written (one other than the UNB's is an error 28 in `errors`). */
    reference: string;
  } | null;
  /** Errors of the interchange itself (not inside a message). */
  errors: EdifactSyntaxError[];
}

/** A whole interchange held in memory (from `parseInterchanges`). */
export interface Interchange extends InterchangeSummary {
  /** Every message of the interchange, in input order, in groups or not, each with its own errors. */
  messages: EdifactMessage[];
  /** The UNG header of every functional group, in input order; a message's `groupReference` says which group it is in. */
  groups: GroupHeader[];
}
