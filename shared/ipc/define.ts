/**
 * Building blocks for the IPC contract: a channel pairs a zod schema for its one request
 * object with the type of its response. The response type is carried only at the type level.
 */
import type { z } from 'zod';

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
