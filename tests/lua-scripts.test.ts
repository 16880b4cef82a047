import path from 'node:path';
import { expect } from 'chai';
import type { Redis } from 'ioredis';
import { LuaScript, luaSourceOf, replies } from '../shared/lua/lua-script';
import { connectTestRedis } from './support/test-redis';
import { isolateTestFile } from './support/isolation';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'lua', name);

describe('Lua scripts and their included fragments', () => {
  isolateTestFile(__filename);
  let redis: Redis;
  before(async () => {
    redis = await connectTestRedis();
  });
  after(async () => redis.quit());

  it('When a fragment is included directly and again through another fragment, it is inlined once, before its first use, and the script runs in one call', async () => {
    const script = new LuaScript(fixture('includes-twice.lua'), 0, (raw) => String(raw));
    expect(script.source.match(/local function greeting/g)).to.have.length(1);
    expect(script.source).not.to.match(/@include/);
    expect(script.source.indexOf('local function greeting')).to.be.lessThan(script.source.indexOf('local function loudGreeting'));
    expect(await script.run(redis, [], ['kim'])).to.equal('HELLO KIM');
  });

  it('When a fragment comes from TypeScript, it is inlined by its generated/ name', async () => {
    const script = new LuaScript(fixture('includes-generated.lua'), 0, replies.count('includes-generated'), {
      answer: 'local function answer() return 42 end',
    });
    expect(await script.run(redis, [], [])).to.equal(42);
  });

  it('When includes form a cycle, or name a fragment that does not exist, loading fails at once and names it', () => {
    expect(() => luaSourceOf(fixture('includes-cycle.lua'))).to.throw(/include cycle through "cycle-a"/);
    expect(() => luaSourceOf(fixture('includes-missing.lua'))).to.throw(/not-there\.lua/);
    expect(() => luaSourceOf(fixture('includes-generated.lua'))).to.throw(/no generated fragment "generated\/answer"/);
  });

  it('When a script answers something its decoder does not know, the call fails instead of passing it on', async () => {
    const script = new LuaScript(fixture('includes-twice.lua'), 0, replies.oneOf('includes-twice', ['HELLO LEE']));
    let failure: Error | undefined;
    await script.run(redis, [], ['kim']).catch((error: Error) => (failure = error));
    expect(failure?.message).to.equal('includes-twice answered "HELLO KIM"');
  });
});
