// Times the benchmark programs on revm, the Rust EVM, through the Solidity test runner of
// @nomicfoundation/edr (revm behind a Node addon). EDR's JSON-RPC provider records every opcode,
// so it is not used; the test runner executes at revm speed, with Foundry-style cheatcode
// inspectors attached (so these figures are, if anything, slower than bare revm).
//
// Per program, a generated test contract etches the program's runtime bytecode (the same hex the
// JMH benchmark runs) at 0xc0de0 in setUp, and has two tests:
//   test_program:  CALL 0xc0de0 with the program's calldata, once
//   test_baseline: the same CALL to a contract whose code is a single STOP
// Each test runs on a copy of the post-setUp state as its own transaction (fresh warm sets, storage
// as set up), as our runner reverts after every call. EDR reports each test's duration: running the
// test transaction and checking its result, not deployment, setUp or copying the state (the empty
// call's test takes a few hundredths of a millisecond). The time of one program call is
//   median(test_program duration) - median(test_baseline duration)   over --runs runs after --warmup,
// which removes the test transaction's own cost (its dispatch, the CALL, the gas snapshot).
// The gas is the program call frame's, recorded by vm.snapshotGasLastCall, so it is comparable
// to the execution gas the other harnesses report. Tests run on one thread (RAYON_NUM_THREADS=1)
// so they never overlap. Prints one JSON line per program.
// On a loaded machine note that each test is one short burst (about 1-40 ms for these programs),
// which the scheduler seldom preempts, whereas a long-running loop (a JMH iteration) only gets its
// share of the cores: then this harness flatters revm relative to the others.
// usage: node revm.mjs [--runs N] [--warmup N] [--only NAME]
import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import solc from 'solc'
import { loadPrograms, median, options } from './programs.mjs'

// Read by EDR's rayon thread pool when the addon starts, so it must be set before the import.
process.env.RAYON_NUM_THREADS = '1'
const { CollectStackTraces, EdrContext, IncludeTraces, L1_CHAIN_TYPE, L1Hardfork, l1HardforkToString, l1SolidityTestRunnerFactory } =
  await import('@nomicfoundation/edr')

const opt = options('usage: node revm.mjs [--runs N] [--warmup N] [--only NAME]', { runs: '15', warmup: '3', only: null })
const RUNS = Number(opt.runs)
const WARMUP = Number(opt.warmup)

const here = dirname(fileURLToPath(import.meta.url))
const edrVersion = JSON.parse(readFileSync(join(here, 'node_modules', '@nomicfoundation', 'edr', 'package.json'), 'utf8')).version
const solcVersion = solc.version().split('+')[0]

/** Solidity source of the test contract that calls one program; see the header comment. */
function testContractSource(codeHex, calldataHex) {
  return `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

interface Vm {
    function etch(address target, bytes calldata code) external;
    function snapshotGasLastCall(string calldata group, string calldata name) external returns (uint256);
}

contract RevmBench {
    Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    address constant PROGRAM = address(0xc0de0);
    address constant STOP = address(0x5709);

    function setUp() public {
        vm.etch(PROGRAM, hex"${codeHex}");
        vm.etch(STOP, hex"00");
    }

    function test_program() public { callOnce(PROGRAM); }

    function test_baseline() public { callOnce(STOP); }

    function callOnce(address target) internal {
        (bool ok, ) = target.call(hex"${calldataHex}");
        require(ok, "call failed");
        vm.snapshotGasLastCall("revm", "call");
    }
}
`
}

/** Compiles the test contract with the same solc as the programs; returns EDR's artifact. */
function compile(source) {
  const input = {
    language: 'Solidity',
    sources: { 'RevmBench.sol': { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  }
  const out = JSON.parse(solc.compile(JSON.stringify(input)))
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  const c = out.contracts['RevmBench.sol'].RevmBench
  return {
    id: { name: 'RevmBench', source: 'RevmBench.sol', solcVersion },
    contract: { abi: JSON.stringify(c.abi), bytecode: c.evm.bytecode.object, deployedBytecode: c.evm.deployedBytecode.object },
  }
}

/** Runs the suite once; returns { program: {ms, gas}, baseline: {ms, gas} } from EDR's test results. */
async function runOnce(context, artifact, config) {
  // The suite's results come through the callback, which may run after the returned promise settles.
  let done
  const suiteDone = new Promise((resolve) => { done = resolve })
  await context.runSolidityTests(L1_CHAIN_TYPE, [artifact], [artifact.id], config, {}, (suite) => done(suite))
  const results = (await suiteDone).testResults
  const tests = {}
  for (const t of results) {
    if (t.status !== 'Success') throw new Error(`${t.name}: ${t.status} ${t.reason ?? ''}`)
    const gas = t.valueSnapshotGroups?.find((g) => g.name === 'revm')?.entries.find((e) => e.name === 'call')?.value
    if (gas === undefined) throw new Error(`${t.name}: no gas snapshot`)
    tests[t.name.replace(/^test_|\(\)$/g, '')] = { ms: Number(t.durationNs) / 1e6, gas: Number(gas) }
  }
  if (!tests.program || !tests.baseline) throw new Error(`missing test results: ${Object.keys(tests)}`)
  return tests
}

const context = new EdrContext()
await context.registerSolidityTestRunnerFactory(L1_CHAIN_TYPE, l1SolidityTestRunnerFactory())
// No traces or stack traces (OnFailure re-executes only a failed test), so no tracer slows the runs.
const config = { projectRoot: here, hardfork: l1HardforkToString(L1Hardfork.Osaka),
  collectStackTraces: CollectStackTraces.OnFailure, includeTraces: IncludeTraces.None }

for (const { name, codeHex, calldataHex } of loadPrograms(opt.only)) {
  const artifact = compile(testContractSource(codeHex, calldataHex))
  const program = []
  const baseline = []
  let gas = 0
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const r = await runOnce(context, artifact, config)
    gas = r.program.gas
    if (i >= WARMUP) {
      program.push(r.program.ms)
      baseline.push(r.baseline.ms)
    }
  }
  const baselineMs = median(baseline)
  const ms = median(program) - baselineMs
  console.log(JSON.stringify({
    evm: `revm (edr ${edrVersion})`, program: name, gasUsed: gas, medianMs: +ms.toFixed(3),
    mgasPerSec: +(gas / ms / 1000).toFixed(2), baselineMs: +baselineMs.toFixed(3),
    timing: `median test duration minus median empty-call test duration, ${RUNS} runs`,
  }))
}
