// Differential check against an independent EVM.
//
// Builds transactions for the Prague and Osaka EIPs that ethereum/tests has no fixtures for
// (EIP-7702, 2537, 2935, 7623, 7823/7883, 7825, 7939, 7951) plus random but valid programs, runs
// each through @ethereumjs/vm, and writes them as ordinary state-test files whose expected post
// state (root, logs hash) is what ethereumjs computed. `bin/evmtool state-test` then checks our
// EVM against them like any other fixture.
//
// usage: node generate.mjs [--out DIR] [--random N] [--seed S] [--specs DIR]

import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { Common, Hardfork, Mainnet } from '@ethereumjs/common'
import { createVM, runTx } from '@ethereumjs/vm'
import { createBlock } from '@ethereumjs/block'
import { createTx } from '@ethereumjs/tx'
import { RLP } from '@ethereumjs/rlp'
import {
  Account,
  createAddressFromString,
  createAddressFromPrivateKey,
  bytesToHex,
  hexToBytes,
  setLengthLeft,
  bigIntToBytes,
  eoaCode7702SignAuthorization,
} from '@ethereumjs/util'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { p256 } from '@noble/curves/nist.js'
import { here, arg, flag, specsDir, SENDER_KEY, SENDER, AUTH_KEY, COINBASE, HISTORY, CHAIN_ID, hex, pad32 } from './common.mjs'

if (flag('--help')) {
  console.log('usage: node generate.mjs [--out DIR] [--random N] [--seed S] [--specs DIR]')
  process.exit(0)
}
const OUT = arg('--out', join(here, 'generated'))
const RANDOM_COUNT = Number(arg('--random', '300'))
const SEED = Number(arg('--seed', '7'))
const SPECS = specsDir()

// ---------------------------------------------------------------- fixed actors (test keys only)
const AUTHORITY = createAddressFromPrivateKey(AUTH_KEY).toString()
const CONTRACT = '0x00000000000000000000000000000000000c0de0'
const HELPER = '0x00000000000000000000000000000000000c0de1'

const ENV = {
  currentCoinbase: COINBASE,
  currentGasLimit: '0x055d4a80', // 90,000,000: above the EIP-7825 cap, so the cap itself is what is tested
  currentNumber: '0x10',
  currentTimestamp: '0x03e8',
  currentBaseFee: '0x0a',
  currentRandom: '0x' + '5e'.repeat(32),
  currentDifficulty: '0x00',
  currentExcessBlobGas: '0x00',
}

// ---------------------------------------------------------------- small helpers
const strip = (h) => (h.startsWith('0x') ? h.slice(2) : h)

let rngState = SEED >>> 0
function rand() {
  // mulberry32: reproducible across runs for a given seed
  rngState = (rngState + 0x6d2b79f5) >>> 0
  let t = rngState
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const randInt = (n) => Math.floor(rand() * n)
const pick = (xs) => xs[randInt(xs.length)]

/** Assembles a tiny program: strings are opcode names or raw hex ('0x..' = PUSHn of that value). */
const OPS = {
  STOP: 0x00, ADD: 0x01, MUL: 0x02, SUB: 0x03, DIV: 0x04, SDIV: 0x05, MOD: 0x06, SMOD: 0x07,
  ADDMOD: 0x08, MULMOD: 0x09, EXP: 0x0a, SIGNEXTEND: 0x0b, LT: 0x10, GT: 0x11, SLT: 0x12,
  SGT: 0x13, EQ: 0x14, ISZERO: 0x15, AND: 0x16, OR: 0x17, XOR: 0x18, NOT: 0x19, BYTE: 0x1a,
  SHL: 0x1b, SHR: 0x1c, SAR: 0x1d, CLZ: 0x1e, KECCAK256: 0x20, ADDRESS: 0x30, BALANCE: 0x31,
  ORIGIN: 0x32, CALLER: 0x33, CALLVALUE: 0x34, CALLDATALOAD: 0x35, CALLDATASIZE: 0x36,
  CALLDATACOPY: 0x37, CODESIZE: 0x38, CODECOPY: 0x39, GASPRICE: 0x3a, EXTCODESIZE: 0x3b,
  EXTCODECOPY: 0x3c, RETURNDATASIZE: 0x3d, RETURNDATACOPY: 0x3e, EXTCODEHASH: 0x3f,
  COINBASE: 0x41, TIMESTAMP: 0x42, NUMBER: 0x43, PREVRANDAO: 0x44, GASLIMIT: 0x45,
  CHAINID: 0x46, SELFBALANCE: 0x47, BASEFEE: 0x48, BLOBHASH: 0x49, BLOBBASEFEE: 0x4a, POP: 0x50,
  MLOAD: 0x51, MSTORE: 0x52, MSTORE8: 0x53, SLOAD: 0x54, SSTORE: 0x55, JUMP: 0x56, JUMPI: 0x57,
  PC: 0x58, MSIZE: 0x59, GAS: 0x5a, JUMPDEST: 0x5b, TLOAD: 0x5c, TSTORE: 0x5d, MCOPY: 0x5e,
  PUSH0: 0x5f, LOG0: 0xa0, LOG1: 0xa1, LOG2: 0xa2, LOG3: 0xa3, LOG4: 0xa4, CALL: 0xf1,
  CALLCODE: 0xf2, RETURN: 0xf3, DELEGATECALL: 0xf4, CREATE: 0xf0, CREATE2: 0xf5,
  STATICCALL: 0xfa, REVERT: 0xfd, INVALID: 0xfe, SELFDESTRUCT: 0xff,
}
for (let i = 1; i <= 16; i++) {
  OPS['DUP' + i] = 0x7f + i
  OPS['SWAP' + i] = 0x8f + i
}

function asm(...items) {
  let out = ''
  for (const it of items.flat()) {
    if (typeof it === 'string' && it.startsWith('0x')) {
      let h = strip(it)
      if (h.length % 2) h = '0' + h
      if (h.length === 0 || h.length > 64) throw new Error('bad push ' + it)
      out += (0x5f + h.length / 2).toString(16).padStart(2, '0') + h
    } else if (typeof it === 'bigint' || typeof it === 'number') {
      out += asm(hex(it)).slice(2)
    } else {
      const op = OPS[it]
      if (op === undefined) throw new Error('unknown op ' + it)
      out += op.toString(16).padStart(2, '0')
    }
  }
  return '0x' + out
}

/** Stores the top of stack at slot `slot` (SSTORE). */
const store = (slot) => [hex(slot), 'SSTORE']

/** Places `dataHex` in memory at 0 (MSTOREs of 32-byte chunks) and returns the program items. */
function memPut(dataHex, at = 0) {
  const d = strip(dataHex)
  const items = []
  for (let i = 0; i < d.length; i += 64) {
    const chunk = d.slice(i, i + 64).padEnd(64, '0')
    items.push('0x' + (BigInt('0x' + chunk) === 0n ? '00' : chunk), hex(at + i / 2), 'MSTORE')
  }
  return items
}

/**
 * Calls `target` with `inputHex` (STATICCALL, gas `gas`), then records: the success flag (slot
 * base), RETURNDATASIZE (base+1), keccak of the return data (base+2), gas left after the call
 * (base+3; this pins down what the callee charged).
 */
function callAndRecord(target, inputHex, base, gas = 'GAS') {
  const len = strip(inputHex).length / 2
  return [
    ...memPut(inputHex),
    '0x00', '0x00', hex(len), '0x00', target, gas === 'GAS' ? 'GAS' : hex(gas), 'STATICCALL',
    ...store(base),
    'RETURNDATASIZE', ...store(base + 1),
    'RETURNDATASIZE', '0x00', '0x00', 'RETURNDATACOPY',
    'RETURNDATASIZE', '0x00', 'KECCAK256', ...store(base + 2),
    'GAS', ...store(base + 3),
  ]
}

// ---------------------------------------------------------------- ethereumjs execution
function commonFor(fork) {
  const hf = { Prague: Hardfork.Prague, Osaka: Hardfork.Osaka }[fork]
  return new Common({ chain: Mainnet, hardfork: hf })
}

async function execute(fork, c) {
  const common = commonFor(fork)
  const vm = await createVM({ common })
  for (const [addr, acc] of Object.entries(c.pre)) {
    const a = createAddressFromString(addr)
    await vm.stateManager.putAccount(a, new Account(BigInt(acc.nonce), BigInt(acc.balance)))
    if (acc.code && acc.code !== '0x') await vm.stateManager.putCode(a, hexToBytes(acc.code))
    for (const [k, v] of Object.entries(acc.storage ?? {})) {
      await vm.stateManager.putStorage(a, setLengthLeft(hexToBytes(k), 32), bigIntToBytes(BigInt(v)))
    }
  }
  const preRoot = bytesToHex(await vm.stateManager.getStateRoot())
  const block = createBlock(
    {
      header: {
        coinbase: ENV.currentCoinbase,
        number: BigInt(ENV.currentNumber),
        timestamp: BigInt(ENV.currentTimestamp),
        gasLimit: BigInt(ENV.currentGasLimit),
        baseFeePerGas: BigInt(ENV.currentBaseFee),
        mixHash: ENV.currentRandom,
        excessBlobGas: 0n,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: '0x' + '00'.repeat(32),
        requestsHash: '0x' + 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    },
    { common },
  )
  let txbytes
  try {
    txbytes = bytesToHex(createTx(c.tx, { common: commonFor('Prague') }).sign(SENDER_KEY).serialize())
  } catch {
    txbytes = undefined // not even encodable as a valid transaction (e.g. an empty authorization list)
  }
  const invalid = (e) => ({ hash: preRoot, logs: bytesToHex(keccak_256(RLP.encode([]))), exception: String(e.message).split('\n')[0], txbytes })
  let tx
  try {
    // construction already applies fork rules (e.g. the EIP-7825 cap): a rejection here is an invalid tx
    tx = createTx(c.tx, { common }).sign(SENDER_KEY)
  } catch (e) {
    return invalid(e)
  }
  try {
    const r = await runTx(vm, { tx, block, skipHardForkValidation: true })
    const logs = r.receipt.logs
    if (process.env.DIFFTEST_DEBUG && c.name.includes(process.env.DIFFTEST_DEBUG)) {
      const slots = []
      for (let k = 0; k < 16; k++) {
        const v = await vm.stateManager.getStorage(createAddressFromString(CONTRACT), setLengthLeft(bigIntToBytes(BigInt(k)), 32))
        if (v.length) slots.push(`${k}=${bytesToHex(v)}`)
      }
      console.error(`${c.name} ${fork}: gasUsed=${r.totalGasSpent} error=${r.execResult.exceptionError?.error ?? '-'} ${slots.join(' ')}`)
    }
    return {
      hash: bytesToHex(await vm.stateManager.getStateRoot()),
      logs: bytesToHex(keccak_256(RLP.encode(logs))),
      gasUsed: hex(r.totalGasSpent),
      txbytes,
    }
  } catch (e) {
    return invalid(e)
  }
}

/** The state-test JSON for one case, with the post-state of every fork as ethereumjs computed it. */
async function toStateTest(c) {
  const post = {}
  const info = { comment: c.comment, generatedBy: '@ethereumjs/vm 10.1.3 via difftest/generate.mjs', gasUsed: {} }
  for (const fork of c.forks) {
    const r = await execute(fork, c)
    const entry = { hash: r.hash, logs: r.logs, indexes: { data: 0, gas: 0, value: 0 } }
    if (r.txbytes) entry.txbytes = r.txbytes
    if (r.exception) entry.expectException = 'TR_EthereumJsRejected: ' + r.exception
    else info.gasUsed[fork] = r.gasUsed
    post[fork] = [entry]
  }
  const t = c.tx
  const transaction = {
    nonce: hex(t.nonce ?? 0),
    to: t.to ?? '',
    secretKey: bytesToHex(SENDER_KEY),
    sender: SENDER,
    data: [t.data ?? '0x'],
    gasLimit: [hex(t.gasLimit)],
    value: [hex(t.value ?? 0)],
  }
  if (t.type === 0 || t.type === undefined) transaction.gasPrice = hex(t.gasPrice)
  else {
    transaction.maxFeePerGas = hex(t.maxFeePerGas)
    transaction.maxPriorityFeePerGas = hex(t.maxPriorityFeePerGas)
    transaction.accessLists = [t.accessList ?? []]
  }
  if (t.authorizationList) {
    transaction.authorizationList = t.authorizationList.map((a) => ({
      chainId: a.chainId, address: a.address, nonce: a.nonce,
      v: a.yParity, yParity: a.yParity, r: a.r, s: a.s, signer: a.signer,
    }))
  }
  return { env: ENV, pre: c.pre, transaction, post, _info: info }
}

// ---------------------------------------------------------------- cases
const RICH = { balance: hex(10n ** 21n), nonce: '0x00', code: '0x', storage: {} }

function callCase(name, comment, code, { forks = ['Prague', 'Osaka'], data = '0x', gasLimit = 3_000_000, extraPre = {}, txExtra = {} } = {}) {
  return {
    name, comment, forks,
    pre: {
      [SENDER]: RICH,
      [CONTRACT]: { balance: '0x00', nonce: '0x01', code: typeof code === 'string' ? code : asm(code), storage: {} },
      ...extraPre,
    },
    tx: { type: 2, to: CONTRACT, data, gasLimit, maxFeePerGas: 100, maxPriorityFeePerGas: 2, value: 0, chainId: CHAIN_ID, ...txExtra },
  }
}

function clzCases() {
  const values = [0n, 1n, 2n, (1n << 255n), (1n << 256n) - 1n, 0xffn, (1n << 128n) + 5n, 1n << 200n]
  const code = values.flatMap((v, i) => ['0x' + pad32(v), 'CLZ', ...store(i)])
  return [
    callCase('clz_values', 'EIP-7939 CLZ over edge values; Prague: invalid opcode', [...code, 'STOP']),
    callCase('clz_gas', 'EIP-7939 CLZ costs 5 gas like the other low-cost ops', ['GAS', '0x01', 'CLZ', 'POP', 'GAS', 'SWAP1', 'SUB', ...store(0), 'STOP']),
    callCase('clz_stack_underflow', 'EIP-7939 CLZ on an empty stack fails the frame', ['CLZ', 'STOP']),
  ]
}

function p256Cases() {
  const P256 = '0x0100'
  const priv = hexToBytes('0x' + '42'.repeat(32))
  const pub = p256.getPublicKey(priv, false) // 04 || x || y
  const msgHash = keccak_256(new TextEncoder().encode('native rollups'))
  const sig = p256.sign(msgHash, priv, { prehash: false, lowS: false, format: 'compact' })
  const sigHex = bytesToHex(sig instanceof Uint8Array ? sig : sig.toCompactRawBytes()).slice(2)
  const good = bytesToHex(msgHash).slice(2) + sigHex + bytesToHex(pub.slice(1)).slice(2)
  const flip = (h, i) => h.slice(0, i) + ((parseInt(h[i], 16) ^ 1).toString(16)) + h.slice(i + 1)
  const cases = [
    ['valid', good],
    ['bad_hash', flip(good, 0)],
    ['bad_r', flip(good, 70)],
    ['r_zero', good.slice(0, 64) + '00'.repeat(32) + good.slice(128)],
    ['s_ge_n', good.slice(0, 128) + 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551' + good.slice(192)],
    ['point_off_curve', good.slice(0, 192) + flip(good.slice(192), 127)],
    ['short_input', good.slice(0, 318)],
    ['long_input', good + '00'],
    ['empty_input', ''],
    ['infinity_key', good.slice(0, 192) + '00'.repeat(64)],
  ]
  const vectorFile = join(SPECS, 'eips', 'assets', 'eip-7951', 'test-vectors.json')
  if (existsSync(vectorFile)) {
    const vectors = JSON.parse(readFileSync(vectorFile, 'utf8'))
    for (let i = 0; i < vectors.length; i += Math.max(1, Math.floor(vectors.length / 12))) {
      cases.push(['vector_' + i, vectors[i].Input])
    }
  }
  return cases.map(([n, input]) =>
    callCase('p256verify_' + n, 'EIP-7951 P256VERIFY; Prague: 0x100 is an empty account', [...callAndRecord(P256, '0x' + input, 0), 'STOP']))
}

function modexpInput(base, exp, mod, lens) {
  const [bl, el, ml] = lens ?? [strip(base).length / 2, strip(exp).length / 2, strip(mod).length / 2]
  return '0x' + pad32(bl) + pad32(el) + pad32(ml) + strip(base) + strip(exp) + strip(mod)
}

function modexpCases() {
  const MODEXP = '0x05'
  const cases = [
    ['small', modexpInput('03', 'fffe', '05')],
    ['zero_lengths', modexpInput('', '', '')],
    ['big_exp', modexpInput('02', 'ff'.repeat(40), 'ab'.repeat(33))],
    ['mod_64_bytes', modexpInput('07'.repeat(64), '010001', 'fd'.repeat(64))],
    ['mod_1024_bytes', modexpInput('05', '03', 'f1'.repeat(1024))],
    ['base_1025_bytes', modexpInput('01'.repeat(1025), '02', '07')],
    ['exp_1025_bytes', modexpInput('02', '01'.repeat(1025), '07')],
    ['mod_1025_bytes', modexpInput('02', '03', '07'.repeat(1025))],
    ['huge_declared_lengths', '0x' + pad32((1n << 255n)) + pad32(1) + pad32(1) + '0203'],
    ['truncated_operands', '0x' + pad32(32) + pad32(32) + pad32(32) + 'ff'],
    ['exp_zero_high_bytes', modexpInput('09', '00'.repeat(31) + '05', '0d')],
  ]
  return cases.map(([n, input]) =>
    callCase('modexp_' + n, 'EIP-2565 pricing (Prague) vs EIP-7823 bounds and EIP-7883 repricing (Osaka)',
      [...callAndRecord(MODEXP, input, 0), 'STOP'], { gasLimit: 12_000_000 }))
}

function blsCases() {
  const dir = join(SPECS, 'eips', 'assets', 'eip-2537')
  const files = {
    '0x0b': ['add_G1_bls.json', 'fail-add_G1_bls.json'],
    '0x0c': ['msm_G1_bls.json', 'fail-msm_G1_bls.json', 'mul_G1_bls.json'],
    '0x0d': ['add_G2_bls.json', 'fail-add_G2_bls.json'],
    '0x0e': ['mul_G2_bls.json', 'fail-msm_G2_bls.json'],
    '0x0f': ['pairing_check_bls.json', 'fail-pairing_check_bls.json'],
    '0x10': ['map_fp_to_G1_bls.json', 'fail-map_fp_to_G1_bls.json'],
    '0x11': ['map_fp2_to_G2_bls.json', 'fail-map_fp2_to_G2_bls.json'],
  }
  const out = []
  if (!existsSync(dir)) {
    console.error(`note: ${dir} not found; EIP-2537 cases skipped`)
    return out
  }
  for (const [addr, names] of Object.entries(files)) {
    for (const f of names) {
      const vectors = JSON.parse(readFileSync(join(dir, f), 'utf8'))
      // A few vectors per file keep the run short; together they cover every precompile and failure class.
      for (const v of vectors.slice(0, 4)) {
        const label = (f.replace('.json', '') + '_' + v.Name).replace(/[^A-Za-z0-9_]/g, '_')
        out.push(callCase('bls_' + label, `EIP-2537 ${addr} with vector ${v.Name} from ${f}`,
          [...callAndRecord(addr, '0x' + v.Input, 0), 'STOP'], { gasLimit: 6_000_000 }))
      }
    }
  }
  return out
}

function historyCases() {
  // EIP-2935 history contract (bytecode from the EIP); tested as a plain contract: in a state test
  // no system call runs, so its storage is set in the pre-state.
  const code = '0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500'
  const number = BigInt(ENV.currentNumber)
  const storage = {}
  for (let n = 0n; n < number; n++) storage[hex(n % 8191n)] = '0x' + pad32(0xabcd0000n + n)
  const extraPre = { [HISTORY]: { balance: '0x00', nonce: '0x01', code, storage } }
  const read = (n, base) => callAndRecord(HISTORY, '0x' + pad32(n), base)
  return [
    callCase('history_reads', 'EIP-2935 get: in-range, current, future and too-old numbers', [
      ...read(number - 1n, 0), ...read(0n, 4), ...read(number, 8), ...read(number + 5n, 12), 'STOP',
    ], { extraPre }),
    callCase('history_bad_input_length', 'EIP-2935 get reverts on input that is not 32 bytes', [
      ...callAndRecord(HISTORY, '0x0102', 0), 'STOP',
    ], { extraPre }),
  ]
}

function floorCases() {
  // EIP-7623: data-heavy transactions pay at least 10/40 gas per token.
  const heavy = '0x' + 'ab'.repeat(2000)
  const zeros = '0x' + '00'.repeat(4000)
  const simple = asm('STOP')
  return [
    callCase('floor_data_heavy_stop', 'EIP-7623 floor applies to a data-heavy call doing nothing', simple, { data: heavy, gasLimit: 200_000 }),
    callCase('floor_zero_bytes', 'EIP-7623 floor with zero bytes (1 token each)', simple, { data: zeros, gasLimit: 200_000 }),
    callCase('floor_gas_limit_too_low', 'EIP-7623: gas limit below the floor makes the tx invalid', simple, { data: heavy, gasLimit: 21000 + 2000 * 16 + 100 }),
    callCase('floor_compute_heavy', 'EIP-7623: execution gas above the floor wins', asm(
      '0x00', 'JUMPDEST', '0x01', 'ADD', 'DUP1', '0x0400', 'GT', '0x03', 'JUMPI', 'STOP'), { data: '0x' + 'ab'.repeat(100), gasLimit: 500_000 }),
    callCase('floor_with_refund', 'EIP-7623 floor vs an SSTORE refund', asm('0x00', '0x01', 'SSTORE', 'STOP'), {
      data: '0x' + 'cd'.repeat(600), gasLimit: 300_000,
      extraPre: {},
    }),
  ].map((c) => {
    if (c.name === 'floor_with_refund') c.pre[CONTRACT].storage = { '0x01': '0x05' }
    return c
  })
}

function gasCapCases() {
  // EIP-7825: Osaka caps a transaction at 2^24 gas; Prague allows more.
  const loop = asm('GAS', '0x01', 'SSTORE', 'STOP')
  return [
    callCase('gascap_at_cap', 'EIP-7825: exactly 2^24 gas is allowed', loop, { gasLimit: 1 << 24 }),
    callCase('gascap_above_cap', 'EIP-7825: 2^24 + 1 gas is invalid in Osaka, valid in Prague', loop, { gasLimit: (1 << 24) + 1 }),
    callCase('gascap_far_above_cap', 'EIP-7825: 30M gas is invalid in Osaka', loop, { gasLimit: 30_000_000 }),
  ]
}

function authorization(address, nonce, { chainId = CHAIN_ID, key = AUTH_KEY } = {}) {
  const signed = eoaCode7702SignAuthorization({ chainId: hex(chainId), address, nonce: hex(nonce) }, key)
  const [c, a, n, y, r, s] = signed
  const q = (b) => (b.length === 0 ? '0x00' : bytesToHex(b))
  return {
    chainId: q(c), address: bytesToHex(a), nonce: q(n), yParity: q(y), r: q(r), s: q(s),
    signer: createAddressFromPrivateKey(key).toString(),
  }
}

function setCodeCases() {
  // The delegate: stores CALLER, ADDRESS and a counter bump, emits a log.
  const delegate = asm('CALLER', '0x00', 'SSTORE', 'ADDRESS', '0x01', 'SSTORE', '0x02', 'SLOAD', '0x01', 'ADD', '0x02', 'SSTORE',
    '0x2a', '0x00', 'MSTORE', '0x20', '0x00', 'LOG0', 'STOP')
  const inspector = asm(AUTHORITY, 'EXTCODESIZE', ...store(0), AUTHORITY, 'EXTCODEHASH', ...store(1),
    '0x20', '0x00', '0x00', AUTHORITY, 'EXTCODECOPY', '0x00', 'MLOAD', ...store(2),
    '0x00', '0x00', '0x00', '0x00', '0x00', AUTHORITY, 'GAS', 'CALL', ...store(3), 'STOP')
  const base = (extraPre = {}) => ({
    [SENDER]: RICH,
    [AUTHORITY]: { balance: hex(10n ** 18n), nonce: '0x00', code: '0x', storage: {} },
    [CONTRACT]: { balance: '0x00', nonce: '0x01', code: delegate, storage: {} },
    [HELPER]: { balance: '0x00', nonce: '0x01', code: inspector, storage: {} },
    ...extraPre,
  })
  const tx = (auths, to = AUTHORITY, data = '0x') => ({
    type: 4, to, data, gasLimit: 500_000, maxFeePerGas: 100, maxPriorityFeePerGas: 2, value: 0, chainId: CHAIN_ID,
    authorizationList: auths,
  })
  const mk = (name, comment, auths, { to, pre, data } = {}) => ({
    name: 'setcode_' + name, comment, forks: ['Prague', 'Osaka'], pre: pre ?? base(), tx: tx(auths, to, data),
  })
  const delegated = base({ [AUTHORITY]: { balance: hex(10n ** 18n), nonce: '0x01', code: '0xef0100' + strip(CONTRACT), storage: {} } })
  return [
    mk('delegate_and_call', 'EIP-7702: set a delegation and call the authority in the same tx', [authorization(CONTRACT, 0)]),
    mk('any_chain_id', 'EIP-7702: chain id 0 authorizes on every chain', [authorization(CONTRACT, 0, { chainId: 0n })]),
    mk('wrong_chain_id', 'EIP-7702: a tuple for another chain is skipped', [authorization(CONTRACT, 0, { chainId: 5n })]),
    mk('wrong_nonce', 'EIP-7702: a tuple with a stale nonce is skipped', [authorization(CONTRACT, 3)]),
    mk('two_tuples_same_authority', 'EIP-7702: the second tuple of one authority (nonce+1) wins', [authorization(HELPER, 0), authorization(CONTRACT, 1)]),
    mk('inspect_delegated', 'EIP-7702: EXTCODESIZE/HASH/COPY see the designator; CALL runs the delegate', [authorization(CONTRACT, 0)], { to: HELPER }),
    mk('clear_delegation', 'EIP-7702: delegating to the zero address clears the code', [authorization('0x' + '00'.repeat(20), 1)], { pre: delegated, to: HELPER }),
    mk('existing_delegation_call', 'EIP-7702: a pre-existing delegation is honoured by CALL', [authorization(CONTRACT, 5)], { pre: delegated, to: HELPER }),
    mk('delegate_to_precompile', 'EIP-7702: delegation to a precompile executes no code', [authorization('0x' + '00'.repeat(19) + '04', 0)], { data: '0x1234' }),
    mk('empty_list', 'EIP-7702: an empty authorization list makes the tx invalid', []),
    mk('self_sponsored', 'EIP-7702: the sender authorizes itself (tuple nonce = tx nonce + 1)', [authorization(CONTRACT, 1, { key: SENDER_KEY })], { to: SENDER }),
  ]
}

// ---------------------------------------------------------------- random programs
const PURE_2 = ['ADD', 'MUL', 'SUB', 'DIV', 'SDIV', 'MOD', 'SMOD', 'EXP', 'SIGNEXTEND', 'LT', 'GT', 'SLT', 'SGT', 'EQ', 'AND', 'OR', 'XOR', 'BYTE', 'SHL', 'SHR', 'SAR']
const PURE_1 = ['ISZERO', 'NOT']
const PURE_3 = ['ADDMOD', 'MULMOD']
const CONTEXT_0 = ['ADDRESS', 'ORIGIN', 'CALLER', 'CALLVALUE', 'CALLDATASIZE', 'CODESIZE', 'GASPRICE', 'RETURNDATASIZE', 'COINBASE', 'TIMESTAMP', 'NUMBER', 'PREVRANDAO', 'GASLIMIT', 'CHAINID', 'SELFBALANCE', 'BASEFEE', 'BLOBBASEFEE', 'MSIZE', 'PC', 'GAS', 'PUSH0']

function randomWord() {
  switch (randInt(6)) {
    case 0: return hex(randInt(4))
    case 1: return hex(randInt(300))
    case 2: return '0x' + pad32((1n << BigInt(randInt(256))) - BigInt(randInt(2)))
    case 3: return '0x' + pad32((1n << 256n) - 1n - BigInt(randInt(3)))
    default: {
      let h = ''
      for (let i = 0; i < 1 + randInt(32); i++) h += randInt(256).toString(16).padStart(2, '0')
      return '0x' + h
    }
  }
}

/** A straight-line program that never underflows; memory offsets stay small so gas stays bounded. */
function randomProgram(fork) {
  const items = []
  let depth = 0
  let slot = 0
  const push = (w) => { items.push(w); depth++ }
  const steps = 20 + randInt(80)
  const precompiles = ['0x01', '0x02', '0x03', '0x04', '0x05', '0x06', '0x07', '0x08', '0x09']
  for (let i = 0; i < steps; i++) {
    const r = randInt(100)
    if (depth < 3 || r < 25) push(randomWord())
    else if (r < 50) { items.push(pick(PURE_2)); depth-- }
    else if (r < 55) { items.push(pick(PURE_1)) }
    else if (r < 60) { items.push(pick(PURE_3)); depth -= 2 }
    else if (r < 63 && fork === 'Osaka') { items.push('CLZ') }
    else if (r < 68) { push(pick(CONTEXT_0)) }
    else if (r < 71 && depth < 1000) { items.push('DUP' + (1 + randInt(Math.min(16, depth)))); depth++ }
    else if (r < 74 && depth >= 2) { items.push('SWAP' + (1 + randInt(Math.min(16, depth - 1)))) }
    else if (r < 77) { items.push(hex(randInt(512)), 'MSTORE'); depth-- }
    else if (r < 79) { items.push(hex(randInt(512)), 'MSTORE8'); depth-- }
    else if (r < 81) { items.push(hex(randInt(512)), 'MLOAD') }
    else if (r < 84) { items.push(hex(randInt(8)), 'SSTORE'); depth-- }
    else if (r < 86) { push(hex(randInt(8))); items.push('SLOAD') }
    else if (r < 88) { items.push(hex(randInt(4)), 'TSTORE'); depth-- }
    else if (r < 89) { push(hex(randInt(4))); items.push('TLOAD') }
    else if (r < 91) { push(hex(randInt(96))); push(hex(randInt(256))); items.push('KECCAK256'); depth-- }
    else if (r < 92) { items.push(hex(randInt(64)), hex(randInt(256)), hex(randInt(256)), 'MCOPY') }
    else if (r < 93) { push(hex(randInt(64))); items.push('CALLDATALOAD') }
    else if (r < 95) {
      // a call to a precompile with a slice of memory; pushes the success flag
      items.push('0x20', '0x00', hex(randInt(200)), hex(randInt(128)), pick(precompiles), 'GAS', 'STATICCALL'); depth++
    } else if (r < 97) { items.push('0x00', '0x00', hex(randInt(64)), 'LOG1'); depth-- }
    else { items.push('POP'); depth-- }
  }
  while (depth > 0 && slot < 16) { items.push(hex(16 + slot++), 'SSTORE'); depth-- }
  items.push('STOP')
  return asm(items)
}

function randomCases() {
  const out = []
  for (let i = 0; i < RANDOM_COUNT; i++) {
    const fork = i % 2 === 0 ? 'Osaka' : 'Prague'
    let data = '0x'
    for (let j = 0; j < randInt(80); j++) data += randInt(256).toString(16).padStart(2, '0')
    out.push(callCase(`random_${fork.toLowerCase()}_${String(i).padStart(4, '0')}`, `random program, seed ${SEED}, index ${i}`,
      randomProgram(fork), { forks: [fork], data, gasLimit: 10_000_000 }))
  }
  return out
}

// ---------------------------------------------------------------- main
const groups = {
  eip7939_clz: clzCases(),
  eip7951_p256verify: p256Cases(),
  eip7823_7883_modexp: modexpCases(),
  eip2537_bls: blsCases(),
  eip2935_history: historyCases(),
  eip7623_floor: floorCases(),
  eip7825_gas_cap: gasCapCases(),
  eip7702_set_code: setCodeCases(),
  random_programs: randomCases(),
}

mkdirSync(OUT, { recursive: true })
let total = 0
for (const [group, cases] of Object.entries(groups)) {
  const file = {}
  for (const c of cases) {
    file[c.name] = await toStateTest(c)
    total += c.forks.length
  }
  writeFileSync(join(OUT, group + '.json'), JSON.stringify(file, null, 1))
  console.error(`${group}: ${cases.length} tests`)
}
console.error(`wrote ${total} cases (tests x forks) to ${OUT}`)
