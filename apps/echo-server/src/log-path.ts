// The logged form of a request path: a wire URL can be 8 KiB long, a log line needs the start of it.

/** Characters of a path kept in a log line (and in the log fields of an answer). */
export const LOG_PATH_CHARS = 200;

export function shortPath(path: string, maxChars: number = LOG_PATH_CHARS): string {
  return path.length > maxChars ? `${path.slice(0, maxChars)}...` : path;
}
