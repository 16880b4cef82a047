// Copies the Lua scripts next to the compiled JavaScript (tsc copies only .ts output).
import { cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function copyLua(directory) {
  for (const name of readdirSync(directory)) {
    const source = path.join(directory, name);
    if (statSync(source).isDirectory()) copyLua(source);
    else if (name.endsWith('.lua')) cpSync(source, path.join('dist', source));
  }
}

copyLua('shared');
