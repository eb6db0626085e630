import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** The name peers see for anyone in a group that is anonymous to peers (as on annotations). */
export const CLASSMATE = "A classmate";

/** What one recipient may learn from others' presence, decided at connect and kept current by MembershipWatcher. */
export type PresenceView = { anonymousGroup: boolean; seesNames: boolean };

/**
 * Awareness field that carries a pseudonymous state's real identity between our own instances
 * (through Redis too). It is removed from every frame before it reaches a client, and any
 * value a client sends under it is dropped, so nobody can put a name in a moderator's view.
 */
const IDENTITY = "marginaliaIdentity";
const IDENTITY_BYTES = Buffer.from(IDENTITY);
/** Hocuspocus's message type of an awareness update. */
const AWARENESS = 1;

/** A connection's pseudonymous id: new for every connection, so tabs and visits cannot be linked. */
export const newPseudonym = () => `anon-${randomBytes(8).toString("hex")}`;

type Stamp = { userId: string; name: string; pseudonym: string; anonymousGroup: boolean };

/**
 * Sets the identity on one incoming awareness state from the server's own knowledge: the real
 * user, or in an anonymous group "A classmate" under the connection's pseudonym with the real
 * identity set aside for moderators.
 */
export function stampIdentity(state: Record<string, unknown>, stamp: Stamp): void {
  delete state[IDENTITY];
  if (!state.user || typeof state.user !== "object") return;
  if (!stamp.anonymousGroup) {
    state.user = { ...state.user, id: stamp.userId, name: stamp.name };
    return;
  }
  state.user = { ...state.user, id: stamp.pseudonym, name: CLASSMATE };
  state[IDENTITY] = { id: stamp.userId, name: stamp.name };
}

const presenceViews = new WeakMap<Request, Map<string, PresenceView>>();

/** Records what the socket behind `request` may see of a document's presence (called at authentication). */
export function setPresenceView(request: Request, documentName: string, view: PresenceView): void {
  let byDocument = presenceViews.get(request);
  if (!byDocument) presenceViews.set(request, (byDocument = new Map()));
  byDocument.set(documentName, view);
}

function containsIdentity(frame: Uint8Array): boolean {
  return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).includes(IDENTITY_BYTES);
}

/**
 * One outgoing frame as its recipient may see it: awareness states lose the set-aside identity,
 * and recipients who see names (moderators of an anonymous group) get it back as the user's
 * id and name. Every other frame passes through untouched.
 */
export function frameForRecipient(frame: Uint8Array, view: (documentName: string) => PresenceView | undefined): Uint8Array {
  if (!containsIdentity(frame)) return frame;
  const decoder = decoding.createDecoder(frame);
  const documentName = decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== AWARENESS) return frame;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const seesNames = view(documentName)?.seesNames === true;
  const body = encoding.createEncoder();
  const count = decoding.readVarUint(update);
  encoding.writeVarUint(body, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(body, decoding.readVarUint(update));
    encoding.writeVarUint(body, decoding.readVarUint(update));
    const state = JSON.parse(decoding.readVarString(update)) as Record<string, unknown> | null;
    if (state && typeof state === "object") {
      const identity = state[IDENTITY] as { id?: unknown; name?: unknown } | undefined;
      delete state[IDENTITY];
      if (seesNames && identity && state.user && typeof state.user === "object") state.user = { ...state.user, id: identity.id, name: identity.name };
    }
    encoding.writeVarString(body, JSON.stringify(state));
  }
  const out = encoding.createEncoder();
  encoding.writeVarString(out, documentName);
  encoding.writeVarUint(out, AWARENESS);
  encoding.writeVarUint8Array(out, encoding.toUint8Array(body));
  return encoding.toUint8Array(out);
}

/** Routes every frame sent on a socket through frameForRecipient, with the views recorded for its request. */
export function filterPresenceOnSocket(socket: { send: (data: Uint8Array, ...rest: never[]) => void }, request: Request): void {
  const send = socket.send.bind(socket) as (data: Uint8Array, ...rest: unknown[]) => void;
  socket.send = ((data: unknown, ...rest: unknown[]) =>
    send(data instanceof Uint8Array ? frameForRecipient(data, (name) => presenceViews.get(request)?.get(name)) : (data as Uint8Array), ...rest)) as typeof socket.send;
}
