/** Words for counts on pages. */

/** `1 post`, `2 posts`; `plural` defaults to `one + 's'`. */
export function count(n: number, one: string, plural = `${one}s`): string {
  return `${n} ${n === 1 ? one : plural}`;
}

/** A capture format's name for readers: its label up to any `:` or `(` note ("XenForo flat text: unmarked quotes…" → "XenForo flat text"). */
export function formatName(label: string): string {
  return label.split(/[:(]/)[0]!.trim();
}
