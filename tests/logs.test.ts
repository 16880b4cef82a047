import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const ROOT = path.join(__dirname, '..');

// One process logs a line through three loggers: in development, in production, and in development
// where pino-pretty can't be found (a production image without dev dependencies).
const LOG_THREE_WAYS = `
const Module = require('node:module');
const { createLogger } = require('./shared/logger');
createLogger({ logLevel: 'info', nodeEnv: 'development' }, 'probe').info({ port: 8080 }, 'in development');
createLogger({ logLevel: 'info', nodeEnv: 'production' }, 'probe').info({ port: 8080 }, 'in production');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'pino-pretty') throw Object.assign(new Error('Cannot find module pino-pretty'), { code: 'MODULE_NOT_FOUND' });
  return resolveFilename.call(this, request, ...rest);
};
createLogger({ logLevel: 'info', nodeEnv: 'development' }, 'probe').info({ port: 8080 }, 'development without pino-pretty');
`;
const NODE_COMMAND = [process.execPath, '--import', 'tsx', '-e', LOG_THREE_WAYS];

/** The line that carries `message`, pretty or JSON. */
const lineWith = (output: string, message: string) => output.split(/\r?\n/).find((line) => line.includes(message));

const isJson = (line: string | undefined) => {
  try {
    return typeof JSON.parse(line ?? '') === 'object';
  } catch {
    return false;
  }
};

describe('Logs a person can read', function () {
  this.timeout(60_000);

  it('When a process runs on a terminal in development, it prints readable lines; in production, or without pino-pretty installed, JSON lines', () => {
    // script(1) gives the process a pseudo-terminal as stdout, as a shell running npm start would.
    const quoted = NODE_COMMAND.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
    const output = execFileSync('script', ['-qfec', quoted, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(lineWith(output, 'in development'), output).to.match(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: probe\/\d+: in development \{"port":8080\}$/);
    expect(isJson(lineWith(output, 'in production')), output).to.equal(true);
    expect(isJson(lineWith(output, 'without pino-pretty')), output).to.equal(true);
  });

  it('When stdout is not a terminal (a pipe, a file, a log collector), every line is JSON, in development too', () => {
    const output = execFileSync(NODE_COMMAND[0], NODE_COMMAND.slice(1), { cwd: ROOT, encoding: 'utf8' });
    const lines = output.split('\n').filter(Boolean);
    expect(lines).to.have.length(3);
    for (const line of lines) expect(isJson(line), line).to.equal(true);
    expect(JSON.parse(lineWith(output, 'in development')!)).to.include({ process: 'probe', port: 8080, msg: 'in development' });
  });
});
