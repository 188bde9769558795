/**
 * Reply links between messages: a message answers the message whose
 * Message-ID its `In-Reply-To` names (the first id there that is in the
 * capture; extra words such as `; from X on DATE` are ignored), else, when it
 * has no `In-Reply-To` id at all, the last of its `References`. A parent that
 * is not in the capture gives no link: nothing is guessed from subjects or
 * dates. Links may point forward (mbox files are not in date order). Pure.
 */

/** What threading needs of a message: its id and the ids it answers. */
export interface Threadable {
  id: string | null;
  inReplyTo: readonly string[];
  references: readonly string[];
}

/**
 * The parent of each message, as a 1-based post number (file order), or null.
 * When two messages share a Message-ID, the first one holds it.
 */
export function replyLinks(messages: readonly Threadable[]): (number | null)[] {
  const byId = new Map<string, number>();
  messages.forEach((m, k) => {
    if (m.id && !byId.has(m.id)) byId.set(m.id, k + 1);
  });
  return messages.map((m, k) => {
    const self = k + 1;
    const candidates = m.inReplyTo.length > 0 ? m.inReplyTo : m.references.slice(-1);
    for (const id of candidates) {
      const n = byId.get(id);
      if (n !== undefined && n !== self) return n;
    }
    return null;
  });
}
