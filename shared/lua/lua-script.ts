import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';

type LuaCommand = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

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
 * a call is still one EVALSHA through ioredis defineCommand, which also puts the client's
 * keyPrefix on KEYS) and its reply decoded once, here, into a typed value.
 * `npm run build` copies the .lua files next to the compiled code.
 */
export class LuaScript<Reply> {
  readonly source: string;
  private readonly commandName: string;
  private readonly definedOn = new WeakSet<Redis>();

  constructor(
    file: string,
    /** 'any': as many keys as the call gives. */
    private readonly numberOfKeys: number | 'any',
    private readonly decode: ReplyDecoder<Reply>,
    generated: GeneratedFragments = {},
  ) {
    this.source = luaSourceOf(file, generated);
    this.commandName = `lua_${path.basename(file).replace(/\W/g, '_')}`;
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<Reply> {
    const anyKeys = this.numberOfKeys === 'any';
    if (!anyKeys && keys.length !== this.numberOfKeys) {
      throw new Error(`${this.commandName} takes ${this.numberOfKeys} keys, got ${keys.length}`);
    }
    if (!this.definedOn.has(redis)) {
      // Without numberOfKeys, ioredis takes the count as the call's first argument (and still prefixes the keys).
      redis.defineCommand(this.commandName, anyKeys ? { lua: this.source } : { numberOfKeys: this.numberOfKeys, lua: this.source });
      this.definedOn.add(redis);
    }
    const command = (redis as unknown as Record<string, LuaCommand>)[this.commandName];
    return this.decode(await command.call(redis, ...(anyKeys ? [keys.length] : []), ...keys, ...args));
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
