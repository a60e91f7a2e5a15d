import { now } from "../state/store";
import { findMailbox } from "./uapi-email-pops";
import { out, type UapiHandler } from "./types";

// Cpanel/Admin/Modules/Cpanel/mail.pm (GET_HELD_MESSAGE_COUNT, DELETE_HELD_MESSAGES, RELEASE_OUTGOING) and
// Whostmgr/Accounts/Email.pm: a hold is a per-address flag; held messages are files under the address's hold directory.

const address = (m: { local: string; domain: string }) => `${m.local}@${m.domain}`;

/** UAPI `Email::get_held_message_count`: how many of the address's outbound messages wait in the queue. */
const getHeldMessageCount: UapiHandler = (ctx, params) => {
  const [mailbox] = findMailbox(ctx, params);
  return out(ctx.store.outgoing.heldCount(address(mailbox)));
};

/**
 * UAPI `Email::delete_held_messages`: removes the held messages and answers how many were queued for deletion
 * (cPanel deletes them in a background task; the emulator at once). With `release_after_delete=1` the hold is
 * lifted afterwards (Whostmgr::Accounts::Email::delete_mailuser_outgoing_email_holds `do_after`).
 */
const deleteHeldMessages: UapiHandler = (ctx, params) => {
  const [mailbox] = findMailbox(ctx, params);
  const held = ctx.store.outgoing.takeHeld(address(mailbox));
  if (params.flag("release_after_delete")) ctx.store.updateMailbox(mailbox.id, "hold_outgoing", 0);
  return out(held.length);
};

/**
 * UAPI `Email::release_outgoing`: lifts the hold ("sends all of the outgoing mail from Exim's queue"): the held
 * messages are delivered, so they leave the queue and appear in the delivery log as successes.
 */
const releaseOutgoing: UapiHandler = (ctx, params) => {
  const [mailbox] = findMailbox(ctx, params);
  ctx.store.updateMailbox(mailbox.id, "hold_outgoing", 0);
  const sender = address(mailbox);
  const held = ctx.store.outgoing.takeHeld(sender);
  const t = now();
  ctx.store.outgoing.addLogRows(held.map((h) => ({ user: h.user, sender, recipient: h.recipient, type: "success", sendunixtime: t })));
  return out(null);
};

export const outgoingHandlers: Record<string, UapiHandler> = {
  get_held_message_count: getHeldMessageCount,
  delete_held_messages: deleteHeldMessages,
  release_outgoing: releaseOutgoing,
};
