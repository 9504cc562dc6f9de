// Times the benchmark programs on @ethereumjs/vm's EVM (Osaka rules) the way the JMH benchmark
// times ours: the same runtime bytecode and calldata, state reverted after every run, median
// time per run after warm-up. Prints one JSON line per program.
// usage: node bench.mjs [--runs N] [--warmup N] [--only NAME]
import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { createEVM } from '@ethereumjs/evm'
import { Account, createAddressFromString, hexToBytes, bytesToHex } from '@ethereumjs/util'
import { keccak_256 } from '@noble/hashes/sha3.js'

const here = dirname(fileURLToPath(import.meta.url))
const res = join(here, '..', 'src', 'main', 'resources', 'programs')
const args = process.argv.slice(2)
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d)
if (args.includes('--help')) {
  console.log('usage: node bench.mjs [--runs N] [--warmup N] [--only NAME]')
  process.exit(0)
}
const RUNS = Number(opt('--runs', '15'))
const WARMUP = Number(opt('--warmup', '5'))
const ONLY = opt('--only', null)

const programs = JSON.parse(readFileSync(join(res, 'programs.json'), 'utf8'))
const CONTRACT = createAddressFromString('0x00000000000000000000000000000000000c0de0')
const CALLER = createAddressFromString('0x00000000000000000000000000000000000ca11e')

for (const [name, p] of Object.entries(programs)) {
  if (name.startsWith('_') || (ONLY && ONLY !== name)) continue
  const code = hexToBytes('0x' + readFileSync(join(res, p.program + '.hex'), 'utf8').trim())
  const selector = keccak_256(new TextEncoder().encode(p.signature)).slice(0, 4)
  const data = hexToBytes(bytesToHex(selector) + BigInt(p.arg).toString(16).padStart(64, '0'))
  const evm = await createEVM({ common: new Common({ chain: Mainnet, hardfork: Hardfork.Osaka }) })
  await evm.stateManager.putAccount(CONTRACT, new Account(1n, 0n))
  await evm.stateManager.putCode(CONTRACT, code)
  await evm.stateManager.putAccount(CALLER, new Account(0n, 10n ** 18n))
  const times = []
  let gas = 0n
  for (let i = 0; i < WARMUP + RUNS; i++) {
    evm.journal.cleanJournal() // a fresh transaction's warm sets, as our runner starts each call
    await evm.stateManager.checkpoint()
    const t0 = process.hrtime.bigint()
    const r = await evm.runCall({ to: CONTRACT, caller: CALLER, origin: CALLER, data, gasLimit: 1_000_000_000n })
    const t1 = process.hrtime.bigint()
    await evm.stateManager.revert()
    if (r.execResult.exceptionError) throw new Error(`${name}: ${r.execResult.exceptionError.error}`)
    gas = r.execResult.executionGasUsed
    if (i >= WARMUP) times.push(Number(t1 - t0) / 1e6)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(JSON.stringify({ evm: 'ethereumjs-10.1.3', program: name, gasUsed: Number(gas), medianMs: +median.toFixed(3), mgasPerSec: +(Number(gas) / median / 1000).toFixed(2) }))
}
