import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';

/** Turns what Redis answered into the script's typed reply; throws on anything the script never answers. */
export type ReplyDecoder<Reply> = (raw: unknown) => Reply;

/** Fragments written in TypeScript from a rule it owns, included as `--- @include "generated/<name>"`. */
export type GeneratedFragments = Readonly<Record<string, string>>;

const INCLUDE_LINE = /^---[ \t]*@include[ \t]+"([^"]+)"[ \t]*$/gm;
const GENERATED = 'generated/';

/**
 * A script's source with its fragments inlined, as BullMQ's script loader does: each
 * `--- @include "<path>"` line (path relative to the including file, without `.lua`) becomes that
 * file, itself with its includes resolved; a fragment included twice is emitted once, where it is
 * first included; an include cycle or a missing fragment fails at load, not at the first call.
 */
export function luaSourceOf(file: string, generated: GeneratedFragments = {}): string {
  const emitted = new Set<string>();
  const inline = (source: string, from: string, stack: readonly string[]): string =>
    source.replace(INCLUDE_LINE, (_line, reference: string) => {
      const isGenerated = reference.startsWith(GENERATED);
      const id = isGenerated ? reference : path.resolve(path.dirname(from), `${reference}.lua`);
      if (stack.includes(id)) throw new Error(`${from}: include cycle through "${reference}"`);
      if (emitted.has(id)) return '';
      emitted.add(id);
      if (!isGenerated) return inline(readFileSync(id, 'utf8'), id, [...stack, id]).trimEnd();
      const fragment = generated[reference.slice(GENERATED.length)];
      if (fragment === undefined) throw new Error(`${from}: no generated fragment "${reference}"`);
      return fragment.trimEnd();
    });
  return inline(readFileSync(file, 'utf8'), file, [file]);
}

/**
 * One atomic Redis step, kept as a .lua file of its own, its includes inlined once when loaded (so
 * a call is still one EVALSHA; ioredis puts the client's keyPrefix on its KEYS) and its reply
 * decoded once, here, into a typed value. Sent as a plain EVALSHA, not an ioredis defineCommand:
 * the API's client pipelines commands automatically (shared/redis.ts), and ioredis's automatic
 * pipelines know only the custom commands defined before each was made. A server that does not
 * know the script yet (NOSCRIPT: first call, or a restarted Redis) gets its source once by EVAL.
 * `npm run build` copies the .lua files next to the compiled code.
 */
export class LuaScript<Reply> {
  readonly source: string;
  /** The SHA-1 of the source: the name EVALSHA and SLOWLOG know it by. */
  readonly sha: string;
  private readonly name: string;

  constructor(
    file: string,
    /** 'any': as many keys as the call gives. */
    private readonly numberOfKeys: number | 'any',
    private readonly decode: ReplyDecoder<Reply>,
    generated: GeneratedFragments = {},
  ) {
    this.source = luaSourceOf(file, generated);
    this.sha = createHash('sha1').update(this.source).digest('hex');
    this.name = path.basename(file);
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<Reply> {
    const numberOfKeys = this.numberOfKeys === 'any' ? keys.length : this.numberOfKeys;
    if (keys.length !== numberOfKeys) {
      throw new Error(`${this.name} takes ${numberOfKeys} keys, got ${keys.length}`);
    }
    const raw = await redis.evalsha(this.sha, numberOfKeys, ...keys, ...args).catch((error: unknown) => {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, numberOfKeys, ...keys, ...args);
    });
    return this.decode(raw);
  }
}

/** A reply that is not one the script can give: a script and its decoder disagree. */
export function unexpectedReply(script: string, raw: unknown): Error {
  return new Error(`${script} answered ${JSON.stringify(raw)}`);
}

/** Decoders of the simple replies many scripts give. */
export const replies = {
  count: (script: string): ReplyDecoder<number> => (raw) => {
    if (typeof raw !== 'number') throw unexpectedReply(script, raw);
    return raw;
  },
  /** A list of numbers, e.g. the members of a sorted set of ids. */
  numbers: (script: string): ReplyDecoder<number[]> => (raw) => {
    if (!Array.isArray(raw)) throw unexpectedReply(script, raw);
    return raw.map(Number);
  },
  /** 1 or 0: whether the step did its work. */
  flag: (script: string): ReplyDecoder<boolean> => (raw) => {
    if (raw !== 0 && raw !== 1) throw unexpectedReply(script, raw);
    return raw === 1;
  },
  /** A status reply out of a known set. */
  oneOf:
    <Word extends string>(script: string, words: readonly Word[]): ReplyDecoder<Word> =>
    (raw) => {
      if (!words.includes(raw as Word)) throw unexpectedReply(script, raw);
      return raw as Word;
    },
};
