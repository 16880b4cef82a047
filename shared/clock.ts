/** Milliseconds since the epoch. Passed in where a test must move time rather than wait for it. */
export type Clock = () => number;
