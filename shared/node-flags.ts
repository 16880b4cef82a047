/**
 * V8 flags of the service's processes, wherever they are started (npm start, the bench). Both make
 * garbage in bursts that a young generation larger than V8's default (16 MiB semi-spaces) scavenges
 * less often for the same survivors; it grows only under such load.
 * - An API process: each request's short-lived objects; measured several % less CPU per order
 *   (bench/cpu-per-arrival.ts).
 * - A worker: a drain batch of 500 orders makes ~9 MB (its rows, their SQL, the Redis step), and
 *   what the batch in MySQL holds survives each scavenge; 40 batches took 23 scavenges (~90 ms)
 *   with the default, 6 (~58 ms) with this.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=64'];
