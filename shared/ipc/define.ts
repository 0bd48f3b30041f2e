/**
 * Building blocks for the IPC contract: a channel pairs a zod schema for its one request
 * object with the type of its response. The response type is carried only at the type level.
 */
import { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  /** Phantom field: never read at run time, only used to carry the response type. */
  readonly response: Res;
}

/** `channel<Response>()(requestSchema)`: curried so the response type can be named explicitly. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({
    request,
    response: undefined as unknown as Res,
  });
}

/** Marks the payload type of a main -> renderer event. */
export function event<Payload>(): { readonly payload: Payload } {
  return { payload: undefined as unknown as Payload };
}

/** Ids are ours (UUIDs and the like): bounded, so a broken or hostile renderer cannot send megabytes as one. */
export const MAX_ID_LENGTH = 200;

/** The id of something the request acts on, required. */
export function idSchema(what: string) {
  return z.string().min(1, `Which ${what}? The id is missing.`).max(MAX_ID_LENGTH, `That ${what} id is too long to be one of ours.`);
}

/** A list of ids, e.g. the environments a credential is used in. */
export function idListSchema(what: string) {
  return z.array(idSchema(what)).max(10_000, `That is more ${what}s than Tokenbench can hold.`);
}
