// Times the benchmark programs on @ethereumjs/vm's EVM (Osaka rules) the way the JMH benchmark
// times ours: the same runtime bytecode and calldata, state reverted after every run, median
// time per run after warm-up. Prints one JSON line per program.
// usage: node bench.mjs [--runs N] [--warmup N] [--only NAME]
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { createEVM } from '@ethereumjs/evm'
import { Account, createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { loadPrograms, median, options } from './programs.mjs'

const opt = options('usage: node bench.mjs [--runs N] [--warmup N] [--only NAME]', { runs: '15', warmup: '5', only: null })
const RUNS = Number(opt.runs)
const WARMUP = Number(opt.warmup)

const CONTRACT = createAddressFromString('0x00000000000000000000000000000000000c0de0')
const CALLER = createAddressFromString('0x00000000000000000000000000000000000ca11e')

for (const { name, codeHex, calldataHex } of loadPrograms(opt.only)) {
  const code = hexToBytes('0x' + codeHex)
  const data = hexToBytes('0x' + calldataHex)
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
  const ms = median(times)
  console.log(JSON.stringify({ evm: 'ethereumjs-10.1.3', program: name, gasUsed: Number(gas), medianMs: +ms.toFixed(3), mgasPerSec: +(Number(gas) / ms / 1000).toFixed(2) }))
}
