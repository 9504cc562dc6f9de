// What the client scripts share: their command line, the PiggyBank artifact, checks that name the
// expected and the actual value, and a runner that prints each step and exits 1 on the first
// mismatch, with the last JSON-RPC exchanges the client made.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))

/** The devnet's chain id (genesis/l1-dev.json). */
export const CHAIN_ID = 1337

/** `--rpc URL --ws URL --key 0x...`; those named in `required` must be given. */
export function options(required = ['rpc', 'ws', 'key']) {
  const { values } = parseArgs({
    options: { rpc: { type: 'string' }, ws: { type: 'string' }, key: { type: 'string' } },
  })
  for (const name of required) {
    if (!values[name]) {
      console.error(`usage: node ${process.argv[1]} --rpc http://127.0.0.1:8545 --ws ws://127.0.0.1:8546 --key 0x<dev private key>`)
      process.exit(2)
    }
  }
  return values
}

/** PiggyBank.sol as compiled by acceptance-tests/solc (abi, bytecode, deployedBytecode). */
export const piggyBank = JSON.parse(
  readFileSync(join(here, '..', 'src', 'test', 'resources', 'contracts', 'PiggyBank.json'), 'utf8'))

/** A failed expectation; the runner prints its message and exits 1. */
export class Mismatch extends Error {}

const show = (v) => (typeof v === 'bigint' ? `${v}n` : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)))

/** Fails unless `actual` equals `expected` (strings compared case-insensitively when both look like hex). */
export function eq(actual, expected, what) {
  const hex = (v) => typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v)
  const same = hex(actual) && hex(expected) ? actual.toLowerCase() === expected.toLowerCase() : show(actual) === show(expected)
  if (!same) throw new Mismatch(`${what}: expected ${show(expected)}, got ${show(actual)}`)
}

/** Fails unless `condition` holds. */
export function check(condition, what) {
  if (!condition) throw new Mismatch(what)
}

/**
 * Awaits `promise` (made just before: one left waiting would be an unhandled rejection); if it
 * resolves instead of rejecting, fails with `what`. Returns the rejection.
 */
export async function rejection(promise, what) {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new Mismatch(`${what}: expected an error, the call succeeded`)
}

/** Resolves with `promise` or fails after `ms` with `what` (a listener that never fires must not hang the run). */
export function within(ms, promise, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Mismatch(`${what}: nothing after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** The last JSON-RPC requests and responses (or commands and outputs) a script made, printed on failure. */
export class Traffic {
  #entries = []
  constructor(keep = 8) {
    this.keep = keep
  }
  record(direction, payload) {
    const text = typeof payload === 'string' ? payload : show(payload)
    this.#entries.push(`${direction} ${text.length > 1500 ? text.slice(0, 1500) + '...' : text}`)
    if (this.#entries.length > this.keep) this.#entries.shift()
  }
  toString() {
    return this.#entries.join('\n')
  }
}

let current = 'start'

/** Runs one named step of a flow and prints it when it passed. */
export async function step(name, body) {
  current = name
  const result = await body()
  console.log(`ok   ${name}`)
  return result
}

/**
 * Runs a flow: exit 0 when every step passed, 1 with the failing step, its message and the recent
 * traffic otherwise. The process exits either way, so open WebSockets cannot keep it alive.
 */
export async function run(client, traffic, flow) {
  const fail = (what) => {
    console.error(`FAIL ${client}: step "${current}": ${what}`)
    console.error(`recent traffic:\n${traffic}`)
    process.exit(1)
  }
  setTimeout(() => fail('still running after 150 s'), 150_000).unref()
  process.on('unhandledRejection', (e) => fail(`unhandled rejection: ${e?.stack ?? e}`))
  try {
    await flow()
    console.log(`${client}: all steps passed`)
    process.exit(0)
  } catch (e) {
    fail(e instanceof Mismatch ? e.message : (e?.stack ?? e))
  }
}
