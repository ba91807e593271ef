/**
 * Characters a file name shown to people or browsers must not carry: control characters (NUL,
 * CR, LF…: NUL cannot even be stored in PostgreSQL text) and bidirectional overrides (which make
 * `facture\u202Ecsv.exe` read as `facture.exe.csv`). Each is replaced by `_`.
 */
const CONTROL_AND_BIDI = '\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

export const CONTROL_OR_BIDI = new RegExp(`[${CONTROL_AND_BIDI}]`, 'g');

/** The same, and path separators: for a name that must stay one path segment. */
export const CONTROL_BIDI_OR_SEPARATOR = new RegExp(`[${CONTROL_AND_BIDI}/\\\\]`, 'g');
