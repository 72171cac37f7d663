// Limits on what a scenario may ask for. They bound what the echo server will hold and send for one
// request, so that a share link cannot make it allocate without bound. Every limit is named in the
// validation error that enforces it.

/** Characters in a request's method (a token; no real method comes near it). */
export const MAX_METHOD_LENGTH = 64;
/** Routes in one scenario's `server.routes`. */
export const MAX_ROUTES = 32;
/** Header lines in one answer (duplicates count). */
export const MAX_ANSWER_HEADERS = 64;
/** Request headers the page passes. */
export const MAX_REQUEST_HEADERS = 64;
/** Bytes in one header name or value (the echo server's whole header block stays under Node's 16 KiB default). */
export const MAX_HEADER_VALUE_LENGTH = 8192;
/** Characters in an answer body. */
export const MAX_ANSWER_BODY_LENGTH = 65_536;
/** Characters in a request body. */
export const MAX_REQUEST_BODY_LENGTH = 1_048_576;
/** Delay the echo server may add to one answer, in milliseconds. */
export const MAX_DELAY_MS = 10_000;
/** Requests in one scenario run (`repeat`). */
export const MAX_REPEAT = 20;

/** Starting cookies a scenario may declare. */
export const MAX_STARTING_COOKIES = 20;
