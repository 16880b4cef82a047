import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';

type LuaCommand = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * One atomic Redis step, kept as a .lua file of its own (read once, sent by EVALSHA through
 * ioredis defineCommand, which also puts the client's keyPrefix on KEYS).
 * `npm run build` copies the .lua files next to the compiled code.
 */
export class LuaScript<Reply = unknown> {
  private readonly source: string;
  private readonly commandName: string;
  private readonly definedOn = new WeakSet<Redis>();

  constructor(directory: string, file: string, private readonly numberOfKeys: number) {
    this.source = readFileSync(path.join(directory, file), 'utf8');
    this.commandName = `lua_${file.replace(/\W/g, '_')}`;
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<Reply> {
    if (keys.length !== this.numberOfKeys) {
      throw new Error(`${this.commandName} takes ${this.numberOfKeys} keys, got ${keys.length}`);
    }
    if (!this.definedOn.has(redis)) {
      redis.defineCommand(this.commandName, { numberOfKeys: this.numberOfKeys, lua: this.source });
      this.definedOn.add(redis);
    }
    const command = (redis as unknown as Record<string, LuaCommand>)[this.commandName]!;
    return (await command.call(redis, ...keys, ...args)) as Reply;
  }
}
