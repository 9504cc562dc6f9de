// What both generators share: command-line options, where the specs are, the test actors, and
// small hex helpers.

import { existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAddressFromPrivateKey, hexToBytes } from '@ethereumjs/util'

/** This folder (difftest/). */
export const here = dirname(fileURLToPath(import.meta.url))

const args = process.argv.slice(2)

/** The value after option `name` on the command line, or `def` when it is not given. */
export function arg(name, def) {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : def
}

/** Whether flag `name` is on the command line. */
export const flag = (name) => args.includes(name)

/** The `--specs` option, else shared/specs beside the checkout (CI) or further up (a worktree sits deeper). */
export function specsDir() {
  return arg('--specs', findSpecs())
}

function findSpecs() {
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'specs')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return join(here, '..', '..', 'shared', 'specs')
  }
}

// ---------------------------------------------------------------- actors (test keys only)
export const SENDER_KEY = hexToBytes('0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8')
export const SENDER = createAddressFromPrivateKey(SENDER_KEY).toString()
export const AUTH_KEY = hexToBytes('0x' + '11'.repeat(32))
export const COINBASE = '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba'
export const HISTORY = '0x0000f90827f1c53a10cb7a02335b175320002935'
export const CHAIN_ID = 1n

// ---------------------------------------------------------------- hex helpers
export const hex = (n) => '0x' + BigInt(n).toString(16)
export const pad32 = (n) => BigInt(n).toString(16).padStart(64, '0')
